import type { CreateNodesResultArray, TargetConfiguration } from '@nx/devkit';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { builtinRules } from '@nx-enforcer/core';
import { textFileGlobsOf, WorkspaceIgnores } from '@nx-enforcer/core/internal';
import picomatch from 'picomatch';
import { createNodes, CREATE_NODES_GLOB } from './create-nodes';
import { buildEnforceTarget } from './enforce-target';
import { enforcerInputs } from './enforcer-inputs';

const CODE_GLOB = '{projectRoot}/**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx}';
const MANIFEST_GLOB = '{projectRoot}/**/{package.json,pyproject.toml,LICENSE,LICENCE,COPYING}';
/** With the default config, security/no-secrets also scans the project's text files. */
const TEXT_GLOBS = textFileGlobsOf(builtinRules).map((glob) => `{projectRoot}/${glob}`);
const SECRET_GLOBS = textFileGlobsOf(builtinRules.filter((rule) => rule.id === 'security/no-secrets')).map((glob) => `{projectRoot}/${glob}`);
/** Every rule that scans non-code files, off. */
const ALL_TEXT_RULES_OFF = Object.fromEntries(builtinRules.filter((rule) => textFileGlobsOf([rule]).length > 0).map((rule) => [rule.id, 'off']));
const PUBLISHED_PACKAGES = { externalDependencies: ['nx-enforcer', '@nx-enforcer/core'] };
/** The project's baseline: an input, and an output (--update-baseline writes it). */
const BASELINE = '{projectRoot}/enforcer.baseline.json';
/** This repository: the plugin and the engine are loaded from its `packages/` sources. */
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

type Files = Record<string, string | object>;

const workspaces: string[] = [];

/**
 * A real workspace folder with these files. Nx's workspace context caches the file list of one
 * root, so each call makes a new folder.
 */
function createWorkspace(files: Files): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'nx-enforcer-nodes-')));
  workspaces.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** Nx's own matching of the plugin's glob: its file index leaves node_modules out. */
const matchesGlob = picomatch(CREATE_NODES_GLOB);

/** Runs the plugin the way Nx does: with every file of the workspace its glob matches. */
async function inferNodes(files: Files, options?: { targetName?: string }): Promise<CreateNodesResultArray> {
  const workspaceRoot = createWorkspace(files);
  // Nx matches the glob against its file index, which leaves out what .gitignore and .nxignore name.
  const ignores = new WorkspaceIgnores(workspaceRoot);
  const matched = Object.keys(files)
    .filter((path) => matchesGlob(path) && !path.split('/').includes('node_modules') && !ignores.excludes(path))
    .sort();
  return createNodes[1](matched, options, { nxJsonConfiguration: {}, workspaceRoot });
}

/** The inferred targets of each project root, with the file that defines the project. */
function targetsByRoot(results: CreateNodesResultArray): Record<string, { configFile: string; targets: Record<string, TargetConfiguration> }> {
  const byRoot: Record<string, { configFile: string; targets: Record<string, TargetConfiguration> }> = {};
  for (const [configFile, result] of results) {
    for (const [root, project] of Object.entries(result.projects ?? {})) {
      expect(byRoot[root]).toBeUndefined();
      // Every project gets the named input; only those with code get targets.
      if (project.targets) byRoot[root] = { configFile, targets: project.targets };
    }
  }
  return byRoot;
}

const rootPackageJson = { name: 'workspace', private: true, workspaces: ['packages/*'] };

afterAll(() => {
  for (const root of workspaces) rmSync(root, { recursive: true, force: true });
});

describe('createNodes', () => {
  it('should match project files, config files (editing one re-runs inference) and the sources that make a project checkable, in one level of braces', () => {
    expect(createNodes[0]).toBe('**/{project.json,package.json,enforcer.config.json,*.ts,*.mts,*.cts,*.tsx,*.js,*.mjs,*.cjs,*.jsx,*.py}');
  });

  it('should infer a cached enforce target with exact inputs and outputs for a project with TypeScript sources', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
    });

    const projects = targetsByRoot(results);
    expect(Object.keys(projects)).toEqual(['packages/lib-a']);
    expect(projects['packages/lib-a'].configFile).toBe('packages/lib-a/package.json');
    expect(Object.keys(projects['packages/lib-a'].targets)).toEqual(['enforce', 'enforce-fix', 'enforce-watch']);
    const target = projects['packages/lib-a'].targets.enforce;
    expect(target.executor).toBe('nx-enforcer:enforce');
    expect(target.cache).toBe(true);
    expect(target.inputs).toEqual([
      CODE_GLOB,
      MANIFEST_GLOB,
      ...TEXT_GLOBS,
      '{workspaceRoot}/enforcer.config.json',
      '{projectRoot}/enforcer.config.json',
      BASELINE,
      PUBLISHED_PACKAGES,
    ]);
    expect(target.outputs).toEqual(['{workspaceRoot}/.nx-enforcer/projects/packages%2Flib-a', BASELINE]);
    expect(target.metadata?.technologies).toEqual(['typescript']);
    expect(target.metadata?.description).toMatch(/code policies/);
    // Help lists the options the targets take (fixType), not the CLI's flags (--fix-type).
    expect(target.metadata?.help?.command).toBe('npx nx run lib-a:enforce --help');
    expect(projects['packages/lib-a'].targets['enforce-fix'].metadata?.help?.command).toBe('npx nx run lib-a:enforce-fix --help');
    expect(projects['packages/lib-a'].targets['enforce-watch'].metadata?.help?.command).toBe('npx nx run lib-a:enforce-watch --help');
  });

  it('should infer an uncached enforce-fix target beside enforce: same executor, fix on, no inputs or outputs', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
    });

    const target = targetsByRoot(results)['packages/lib-a'].targets['enforce-fix'];
    expect(target).toEqual({
      executor: 'nx-enforcer:enforce',
      cache: false,
      options: { fix: true },
      metadata: expect.objectContaining({ technologies: ['typescript'], description: expect.stringMatching(/never cached/) }),
    });
  });

  it('should name the target after the targetName option', async () => {
    const results = await inferNodes(
      {
        'package.json': rootPackageJson,
        'packages/lib-a/package.json': { name: 'lib-a' },
        'packages/lib-a/src/index.ts': 'export const a = 1;\n',
      },
      { targetName: 'policies' },
    );

    const target = targetsByRoot(results)['packages/lib-a'].targets;
    expect(Object.keys(target)).toEqual(['policies', 'policies-fix', 'policies-watch']);
    expect(target.policies.executor).toBe('nx-enforcer:enforce');
    expect(target['policies-fix']).toMatchObject({ executor: 'nx-enforcer:enforce', cache: false, options: { fix: true } });
    expect(target['policies-watch']).toMatchObject({ executor: 'nx-enforcer:enforce', cache: false, continuous: true, options: { watch: true } });
  });

  it('should count JavaScript files as code', async () => {
    const results = await inferNodes({
      'libs/js-only/project.json': { name: 'js-only' },
      'libs/js-only/lib/main.mjs': 'export default 1;\n',
    });

    expect(Object.keys(targetsByRoot(results))).toEqual(['libs/js-only']);
  });

  it('should infer nothing for a project without code files', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'packages/docs/package.json': { name: 'docs' },
      'packages/docs/README.md': '# docs\n',
      'packages/docs/data/table.json': '{}',
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
    });

    expect(Object.keys(targetsByRoot(results))).toEqual(['packages/lib-a']);
  });

  it('should infer nothing for a package.json outside the workspaces globs and without a project.json beside it', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
      'packages/lib-a/fixtures/package.json': { name: 'fixture' },
      'packages/lib-a/fixtures/fixture.ts': 'export const fixture = 1;\n',
      'tools/scripts/package.json': { type: 'module' },
      'tools/scripts/release.mjs': 'export {};\n',
    });

    expect(Object.keys(targetsByRoot(results))).toEqual(['packages/lib-a']);
  });

  it('should infer one project, defined by project.json, for a folder with both project.json and package.json', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/project.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
      'tools/gen/package.json': { name: 'gen' },
      'tools/gen/project.json': { name: 'gen' },
      'tools/gen/index.ts': 'export {};\n',
    });

    expect(results).toHaveLength(2);
    const projects = targetsByRoot(results);
    expect(projects['packages/lib-a'].configFile).toBe('packages/lib-a/project.json');
    // Not matched by the workspaces globs, but a project because of its project.json.
    expect(projects['tools/gen'].configFile).toBe('tools/gen/project.json');
  });

  it('should return the projects in root order', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'packages/zeta/package.json': { name: 'zeta' },
      'packages/zeta/index.ts': 'export {};\n',
      'packages/alpha/package.json': { name: 'alpha' },
      'packages/alpha/index.ts': 'export {};\n',
      'apps/web/project.json': { name: 'web' },
      'apps/web/main.ts': 'export {};\n',
    });

    expect(results.map(([configFile]) => configFile)).toEqual(['apps/web/project.json', 'packages/alpha/package.json', 'packages/zeta/package.json']);
  });

  it('should give the root project its own output folder and no duplicate config input', async () => {
    const results = await inferNodes({
      'package.json': { ...rootPackageJson, nx: {} },
      'scripts/check.ts': 'export {};\n',
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
    });

    const projects = targetsByRoot(results);
    expect(Object.keys(projects).sort()).toEqual(['.', 'packages/lib-a']);
    expect(projects['.'].configFile).toBe('package.json');
    const target = projects['.'].targets.enforce;
    expect(target.outputs).toEqual(['{workspaceRoot}/.nx-enforcer/projects/%2E', BASELINE]);
    expect(target.inputs).toEqual([CODE_GLOB, MANIFEST_GLOB, ...TEXT_GLOBS, '{workspaceRoot}/enforcer.config.json', BASELINE, PUBLISHED_PACKAGES]);
  });

  it('should not make the root package.json a project without an nx key', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'scripts/check.ts': 'export {};\n',
    });

    expect(results).toEqual([]);
  });

  it('should give no target to a parent project whose only code belongs to a nested project', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'apps/shell/project.json': { name: 'shell' },
      'apps/shell/README.md': '# shell',
      'apps/shell/plugins/auth/project.json': { name: 'auth' },
      'apps/shell/plugins/auth/src/index.ts': 'export const auth = 1;\n',
    });
    expect(Object.keys(targetsByRoot(results))).toEqual(['apps/shell/plugins/auth']);
  });

  it('should drop the text-file inputs when the config turns every text-scanning rule off', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'enforcer.config.json': { rules: ALL_TEXT_RULES_OFF },
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/index.ts': 'export const a = 1;\n',
      'packages/b/package.json': { name: 'b' },
      'packages/b/enforcer.config.json': { rules: { 'security/no-secrets': 'error' } },
      'packages/b/src/index.ts': 'export const b = 1;\n',
    });
    const byRoot = targetsByRoot(results);
    expect(byRoot['packages/a'].targets.enforce.inputs).toEqual([
      CODE_GLOB,
      MANIFEST_GLOB,
      '{workspaceRoot}/enforcer.config.json',
      '{projectRoot}/enforcer.config.json',
      BASELINE,
      PUBLISHED_PACKAGES,
    ]);
    expect(byRoot['packages/b'].targets.enforce.inputs).toEqual([
      CODE_GLOB,
      MANIFEST_GLOB,
      ...SECRET_GLOBS,
      '{workspaceRoot}/enforcer.config.json',
      '{projectRoot}/enforcer.config.json',
      BASELINE,
      PUBLISHED_PACKAGES,
    ]);
  });

  it("should add the workspace rules' sources as inputs when the root config sets rulesDirectory", async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'enforcer.config.json': { rulesDirectory: 'tools/rules', rules: ALL_TEXT_RULES_OFF },
      'tools/rules/.gitkeep': '',
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/index.ts': 'export const a = 1;\n',
    });
    expect(targetsByRoot(results)['packages/a'].targets.enforce.inputs).toEqual([
      CODE_GLOB,
      MANIFEST_GLOB,
      '{workspaceRoot}/enforcer.config.json',
      '{projectRoot}/enforcer.config.json',
      BASELINE,
      '{workspaceRoot}/tools/rules/**/*',
      PUBLISHED_PACKAGES,
    ]);
  });

  it("should hash every project's tags (not only the graph's dependencies') and the path aliases when architecture/project-boundaries may be on", async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'enforcer.config.json': { rules: { ...ALL_TEXT_RULES_OFF, 'architecture/project-boundaries': 'error' } },
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/index.ts': 'export const a = 1;\n',
    });
    expect(targetsByRoot(results)['packages/a'].targets.enforce.inputs).toEqual([
      CODE_GLOB,
      MANIFEST_GLOB,
      '{workspaceRoot}/enforcer.config.json',
      '{projectRoot}/enforcer.config.json',
      BASELINE,
      '{workspaceRoot}/tsconfig.base.json',
      '{workspaceRoot}/tsconfig.json',
      '{workspaceRoot}/**/project.json',
      '{workspaceRoot}/**/package.json',
      PUBLISHED_PACKAGES,
    ]);
  });

  it('should hash the root tsconfig when a rule that resolves path aliases may be on, once with project-boundaries', async () => {
    const nest = { ...ALL_TEXT_RULES_OFF, 'nestjs/dto-validated': 'error' };
    const files = { 'package.json': rootPackageJson, 'packages/a/package.json': { name: 'a' }, 'packages/a/src/index.ts': 'export const a = 1;\n' };
    const withNest = await inferNodes({ ...files, 'enforcer.config.json': { rules: nest } });
    const inputsWithNest = targetsByRoot(withNest)['packages/a'].targets.enforce.inputs as unknown[];
    // The root tsconfig files come right after the baseline, before the enforcer's own version.
    // The dependencies' files follow: dto-validated reads DTOs in the libraries the project depends on.
    expect(inputsWithNest.slice(inputsWithNest.indexOf(BASELINE) + 1)).toEqual([
      '{workspaceRoot}/tsconfig.base.json',
      '{workspaceRoot}/tsconfig.json',
      '^default',
      PUBLISHED_PACKAGES,
    ]);
    const both = await inferNodes({ ...files, 'enforcer.config.json': { rules: { ...nest, 'architecture/project-boundaries': 'error' } } });
    const inputs = targetsByRoot(both)['packages/a'].targets.enforce.inputs as string[];
    expect(inputs.filter((input) => input === '{workspaceRoot}/tsconfig.json')).toHaveLength(1);
    const without = await inferNodes({ ...files, 'enforcer.config.json': { rules: ALL_TEXT_RULES_OFF } });
    expect(targetsByRoot(without)['packages/a'].targets.enforce.inputs).not.toContain('{workspaceRoot}/tsconfig.json');
    expect(targetsByRoot(without)['packages/a'].targets.enforce.inputs).not.toContain('^default');
  });

  it('should keep every text-file input when a config is broken (the task reports the error)', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'enforcer.config.json': '{ "rules": { "security/no-secrets": "of" } }',
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/index.ts': 'export const a = 1;\n',
    });
    expect(targetsByRoot(results)['packages/a'].targets.enforce.inputs).toEqual(expect.arrayContaining(TEXT_GLOBS));
  });

  it('should not count installed or ignored files as code, and count a committed build/ folder', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      '.gitignore': 'dist\n',
      'packages/release/package.json': { name: 'release' },
      'packages/release/build/publish.ts': 'export const publish = 1;\n',
      'packages/built/package.json': { name: 'built' },
      'packages/built/dist/index.js': 'module.exports = 1;\n',
      'packages/built/node_modules/dep/index.js': 'module.exports = 1;\n',
      'packages/built/README.md': '# built\n',
      'packages/lib-a/package.json': { name: 'lib-a' },
      'packages/lib-a/src/index.ts': 'export const a = 1;\n',
    });

    expect(Object.keys(targetsByRoot(results)).sort()).toEqual(['packages/lib-a', 'packages/release']);
  });

  it('should make the files named by rule options inputs, wherever the option is set', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'enforcer.config.json': { rules: { ...ALL_TEXT_RULES_OFF, 'security/tenant-isolation': ['error', { schemaPath: 'prisma/schema.prisma' }] } },
      'prisma/schema.prisma': 'model A {\n  id String @id\n}\n',
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/index.ts': 'export const a = 1;\n',
      'packages/b/package.json': { name: 'b' },
      'packages/b/enforcer.config.json': {
        overrides: [{ files: ['src/**'], rules: { 'security/tenant-isolation': ['error', { schemaPath: 'packages/b/schema.prisma' }] } }],
      },
      'packages/b/src/index.ts': 'export const b = 1;\n',
    });
    const byRoot = targetsByRoot(results);
    expect(byRoot['packages/a'].targets.enforce.inputs).toContain('{workspaceRoot}/prisma/schema.prisma');
    expect(byRoot['packages/a'].targets.enforce.inputs).not.toContain('{workspaceRoot}/packages/b/schema.prisma');
    expect(byRoot['packages/b'].targets.enforce.inputs).toEqual(
      expect.arrayContaining(['{workspaceRoot}/prisma/schema.prisma', '{workspaceRoot}/packages/b/schema.prisma']),
    );
  });

  it('should make every project file an input only when a project rule is on', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'enforcer.config.json': { rules: ALL_TEXT_RULES_OFF },
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/index.ts': 'export const a = 1;\n',
      'packages/b/package.json': { name: 'b' },
      'packages/b/enforcer.config.json': { rules: { 'project/required-files': ['error', { files: ['README.md'] }] } },
      'packages/b/src/index.ts': 'export const b = 1;\n',
    });
    const byRoot = targetsByRoot(results);
    expect(byRoot['packages/a'].targets.enforce.inputs).not.toContain('{projectRoot}/**/*');
    expect(byRoot['packages/b'].targets.enforce.inputs).toContain('{projectRoot}/**/*');
  });

  it('should give a Python project a target, with its Python files as inputs', async () => {
    const results = await inferNodes({
      'package.json': rootPackageJson,
      'apps/api/project.json': { name: 'api' },
      'apps/api/app/main.py': 'print("hi")\n',
      'apps/docs/project.json': { name: 'docs' },
      'apps/docs/README.md': '# docs\n',
    });
    const byRoot = targetsByRoot(results);
    expect(Object.keys(byRoot)).toEqual(['apps/api']);
    expect(byRoot['apps/api'].targets.enforce.inputs).toContain('{projectRoot}/**/*.py');
  });

  it('should return nothing when no project files are given, only sources', async () => {
    const workspaceRoot = createWorkspace({ 'src/index.ts': 'export {};\n' });

    expect(await createNodes[1](['src/index.ts'], {}, { nxJsonConfiguration: {}, workspaceRoot })).toEqual([]);
  });
});

describe('buildEnforceTarget', () => {
  it('should build the cached target of a nested project from its root and the given enforcer inputs', () => {
    const target = buildEnforceTarget({ projectRoot: 'libs/a', enforcerInputs: ['{workspaceRoot}/enforcer-sources/**/*.ts'] });

    expect(target.executor).toBe('nx-enforcer:enforce');
    expect(target.cache).toBe(true);
    expect(target.options).toEqual({});
    expect(target.inputs).toEqual([
      CODE_GLOB,
      MANIFEST_GLOB,
      '{workspaceRoot}/enforcer.config.json',
      '{projectRoot}/enforcer.config.json',
      BASELINE,
      '{workspaceRoot}/enforcer-sources/**/*.ts',
    ]);
    expect(target.outputs).toEqual(['{workspaceRoot}/.nx-enforcer/projects/libs%2Fa', BASELINE]);
  });

  it('should not depend on other projects unless a rule reads their code', () => {
    const inputs = buildEnforceTarget({ projectRoot: 'libs/a', enforcerInputs: [PUBLISHED_PACKAGES] }).inputs ?? [];

    expect(inputs.filter((input) => typeof input === 'string' && input.startsWith('^'))).toEqual([]);
    expect(buildEnforceTarget({ projectRoot: 'libs/a', enforcerInputs: [] }).dependsOn).toBeUndefined();
    expect(buildEnforceTarget({ projectRoot: 'libs/a', enforcerInputs: [], dependencyInputs: true }).inputs).toContain('^default');
  });

  it('should read the root config only once for the root project', () => {
    const target = buildEnforceTarget({ projectRoot: '.', enforcerInputs: [PUBLISHED_PACKAGES] });

    expect(target.inputs).toEqual([CODE_GLOB, MANIFEST_GLOB, '{workspaceRoot}/enforcer.config.json', BASELINE, PUBLISHED_PACKAGES]);
    expect(target.outputs).toEqual(['{workspaceRoot}/.nx-enforcer/projects/%2E', BASELINE]);
  });

  it('should describe itself for nx show project', () => {
    const metadata = buildEnforceTarget({ projectRoot: 'libs/a', enforcerInputs: [] }).metadata;

    expect(metadata?.technologies).toEqual(['typescript']);
    expect(metadata?.description).toContain('nx-enforcer');
  });
});

describe('enforcerInputs', () => {
  it('should use the plugin and engine sources as inputs when they are loaded from inside the workspace', () => {
    expect(enforcerInputs(REPOSITORY_ROOT)).toEqual(['{workspaceRoot}/packages/nx-enforcer/src/**/*.ts', '{workspaceRoot}/packages/core/src/**/*.ts']);
  });

  it('should name the published packages as external dependencies when they are loaded from outside the workspace', () => {
    const workspaceRoot = createWorkspace({ 'package.json': rootPackageJson });

    expect(enforcerInputs(workspaceRoot)).toEqual([PUBLISHED_PACKAGES]);
  });
});
