import { createProjectFileMapUsingProjectGraph, logger, type ExecutorContext, type FileData, type ProjectFileMap, type TaskGraph } from '@nx/devkit';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import enforceBatch, { type BatchTaskResult } from './enforce.batch';
import enforceExecutor from './enforce.impl';
import type { EnforceExecutorOptions } from './schema';
import { SESSION_SHARD_VERSION } from '@nx-enforcer/core/internal';

// Nx computes the file map from its workspace context for the process's own workspace root, not
// for `context.root`; a unit test cannot point it at a temp folder. Only that function is replaced.
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  createProjectFileMapUsingProjectGraph: jest.fn(),
}));

const fileMapMock = jest.mocked(createProjectFileMapUsingProjectGraph);

/** A violation of a rule that blocks by default (typescript/no-ts-ignore is an error). */
const TS_IGNORE = 'export function run(value: string): number {\n  // @ts-ignore\n  return value * 2;\n}\n';
const CONSOLE_LOG = "export function greet(): void {\n  console.log('hello');\n}\n";
const CLEAN = 'export const answer = 42;\n';

interface Workspace {
  root: string;
  /** Runs the executor for `project` with the file map built from `projects`. */
  run(project: string, options?: EnforceExecutorOptions): Promise<{ success: boolean }>;
  /** Runs the executor with `watch`: one result per check, until the generator is closed. */
  watch(project: string, options?: EnforceExecutorOptions): AsyncGenerator<{ success: boolean }>;
  read(path: string): string;
  /** The file map the mocked Nx function returns. */
  fileMap: ProjectFileMap;
}

interface ProjectSpec {
  root: string;
  tags?: string[];
  /** The npm package name other projects import it by. */
  packageName?: string;
  /** Files of the project as Nx would list them (workspace-relative). */
  files: string[];
  /** The projects it depends on in the graph. */
  dependsOn?: string[];
}

let folders: string[] = [];
let stdout: string;
/** Profile tables go to stderr; kept here, off the test output. */
let stderr: string;

beforeEach(() => {
  stdout = '';
  stderr = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  process.env.NO_COLOR = '1';
});

afterEach(() => {
  jest.restoreAllMocks();
  fileMapMock.mockReset();
  delete process.env.NO_COLOR;
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

/** A real workspace folder with these files; the file map lists each project's `files`. */
function createWorkspace(files: Record<string, string>, projects: Record<string, ProjectSpec>): Workspace {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'nx-enforcer-executor-')));
  folders.push(root);
  // logging/no-console is off by default, and a console call is these cases' everyday warning.
  const onDisk = { 'enforcer.config.json': JSON.stringify({ rules: { 'logging/no-console': 'warn' } }), ...files };
  for (const [path, content] of Object.entries(onDisk)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const fileData = (file: string): FileData => ({
    file,
    hash: createHash('sha1')
      .update(files[file] ?? '')
      .digest('hex'),
  });
  const fileMap: ProjectFileMap = Object.fromEntries(Object.entries(projects).map(([name, project]) => [name, project.files.map(fileData)]));
  fileMapMock.mockImplementation(async () => fileMap);
  return {
    root,
    run: (project, options = {}) => enforceExecutor(options, executorContext(root, project, projects)) as Promise<{ success: boolean }>,
    watch: (project, options = {}) =>
      enforceExecutor({ ...options, watch: true }, executorContext(root, project, projects)) as AsyncGenerator<{ success: boolean }>,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    fileMap,
  };
}

function executorContext(root: string, projectName: string, projects: Record<string, ProjectSpec>): ExecutorContext {
  const configurations = Object.fromEntries(
    Object.entries(projects).map(([name, project]) => [
      name,
      { name, root: project.root, tags: project.tags ?? [], metadata: project.packageName ? { js: { packageName: project.packageName } } : undefined },
    ]),
  );
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName,
    targetName: 'enforce',
    projectsConfigurations: { version: 2, projects: configurations },
    nxJsonConfiguration: {},
    projectGraph: {
      nodes: Object.fromEntries(Object.entries(configurations).map(([name, data]) => [name, { name, type: 'lib' as const, data }])),
      dependencies: Object.fromEntries(
        Object.entries(projects).map(([name, project]) => [
          name,
          (project.dependsOn ?? []).map((target) => ({ source: name, target, type: 'static' as const })),
        ]),
      ),
    },
  };
}

/** 1-based line and column of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function loggedErrors(): string {
  return jest
    .mocked(logger.error)
    .mock.calls.map((call) => String(call[0]))
    .join('\n');
}

const libA = (files: string[]): Record<string, ProjectSpec> => ({ 'lib-a': { root: 'libs/lib-a', files } });

describe('enforce executor', () => {
  it('should write report.json and session.json into the project output folder', async () => {
    const files = { 'libs/lib-a/src/run.ts': TS_IGNORE, 'libs/lib-a/src/greet.ts': CONSOLE_LOG, 'libs/lib-a/src/clean.ts': CLEAN };
    const workspace = createWorkspace(files, libA(Object.keys(files)));

    await workspace.run('lib-a');

    const report = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json'));
    expect(report.project).toBe('lib-a');
    const sarif = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.sarif'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(report.violations.length);
    expect(report.summary).toMatchObject({ filesChecked: 3, errors: 1, warnings: 1 });
    expect(report.violations).toEqual([
      expect.objectContaining({
        file: 'libs/lib-a/src/greet.ts',
        line: positionOf(CONSOLE_LOG, 'console').line,
        ruleId: 'logging/no-console',
        severity: 'warn',
      }),
      expect.objectContaining({
        file: 'libs/lib-a/src/run.ts',
        line: positionOf(TS_IGNORE, '@ts-ignore').line,
        ruleId: 'typescript/no-ts-ignore',
        severity: 'error',
      }),
    ]);
    const session = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/session.json'));
    expect(session.project).toBe('lib-a');
    expect(session.configHash).toBe(report.configHash);
    expect(Object.keys(session.files).sort()).toEqual(Object.keys(files).sort());
    for (const [file, content] of Object.entries(files)) {
      expect(session.files[file].hash).toBe(createHash('sha1').update(content).digest('hex'));
    }
    expect(fileMapMock).toHaveBeenCalledWith(expect.objectContaining({ nodes: expect.objectContaining({ 'lib-a': expect.anything() }) }));
  });

  it('should write the output of the root project to .nx-enforcer/projects/%2E', async () => {
    const workspace = createWorkspace({ 'src/main.ts': CLEAN }, { root: { root: '.', files: ['src/main.ts'] } });

    await workspace.run('root');

    expect(JSON.parse(workspace.read('.nx-enforcer/projects/%2E/report.json')).summary.filesChecked).toBe(1);
    expect(existsSync(join(workspace.root, '.nx-enforcer/projects/%2E/session.json'))).toBe(true);
  });

  it('should fail when a violation has error severity', async () => {
    const workspace = createWorkspace({ 'libs/lib-a/src/run.ts': TS_IGNORE }, libA(['libs/lib-a/src/run.ts']));

    expect(await workspace.run('lib-a')).toEqual({ success: false });
  });

  it('should succeed when there are only warnings', async () => {
    const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

    expect(await workspace.run('lib-a')).toEqual({ success: true });
    expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('should fail on more warnings than maxWarnings, and pass at the limit', async () => {
    const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

    expect(await workspace.run('lib-a', { maxWarnings: 0 })).toEqual({ success: false });
    expect(loggedErrors()).toContain('1 new warning exceeds maxWarnings (0)');
    expect(await workspace.run('lib-a', { maxWarnings: 1 })).toEqual({ success: true });
  });

  it('should fail and name the file when the root enforcer.config.json is broken', async () => {
    const workspace = createWorkspace({ 'enforcer.config.json': '{ "rules": ', 'libs/lib-a/src/clean.ts': CLEAN }, libA(['libs/lib-a/src/clean.ts']));

    expect(await workspace.run('lib-a')).toEqual({ success: false });
    expect(loggedErrors()).toMatch(/^nx-enforcer: enforcer\.config\.json:\d+:\d+: invalid JSON/);
    expect(existsSync(join(workspace.root, '.nx-enforcer'))).toBe(false);
  });

  it("should leave no earlier run's report behind when it fails before writing, so nothing reads it as this run's result", async () => {
    const workspace = createWorkspace({ 'libs/lib-a/src/clean.ts': CLEAN }, libA(['libs/lib-a/src/clean.ts']));
    expect(await workspace.run('lib-a')).toEqual({ success: true });
    const output = join(workspace.root, '.nx-enforcer/projects/libs%2Flib-a');
    expect(readdirSync(output).sort()).toEqual(['report.json', 'report.sarif', 'session.json']);

    writeFileSync(join(workspace.root, 'enforcer.config.json'), '{ "rules": ');
    expect(await workspace.run('lib-a')).toEqual({ success: false });
    // The shard stays (it is reused only under the same config hash); the verdict files are gone.
    expect(readdirSync(output).sort()).toEqual(['session.json']);
  });

  it('should let a workspace rule read only files that are inputs of the task, and say which reads it refused', async () => {
    // The rule reports whatever the files it reads hold: a stale replay would hide a change to any of them.
    const rule =
      `module.exports = { id: 'acme/reads', meta: { category: 'errors', defaultSeverity: 'error', docs: { description: 'd', rationale: 'r' }, ` +
      `messages: { m: 'read {{what}}' }, schema: { type: 'object' }, defaultOptions: {}, reads: ['tools/allowed.txt'] },\n` +
      `      create: (context) => ({ Text: () => ['libs/lib-a/src/other.ts', 'libs/lib-a/src/ignored.ts', 'libs/lib-b/src/run.ts', 'tools/allowed.txt']` +
      `.forEach((path) => context.readFile(path) !== undefined && context.report({ range: [0, 1], messageId: 'm', data: { what: path } })) }) };`;
    const files = {
      'enforcer.config.json': JSON.stringify({ rulesDirectory: 'tools/rules', rules: { 'acme/reads': 'warn' } }),
      'tools/rules/reads.js': rule,
      'tools/allowed.txt': 'x',
      'libs/lib-a/src/run.ts': CLEAN,
      'libs/lib-a/src/other.ts': CLEAN,
      'libs/lib-a/src/ignored.ts': CLEAN,
      'libs/lib-b/src/run.ts': CLEAN,
    };
    // ignored.ts is on disk but not in Nx's file map, as a git-ignored file is.
    const workspace = createWorkspace(files, {
      'lib-a': { root: 'libs/lib-a', files: ['libs/lib-a/src/run.ts', 'libs/lib-a/src/other.ts'] },
      'lib-b': { root: 'libs/lib-b', files: ['libs/lib-b/src/run.ts'] },
    });

    expect(await workspace.run('lib-a')).toEqual({ success: true });
    const report = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json'));
    const found = report.violations.filter((v: { file: string }) => v.file === 'libs/lib-a/src/run.ts').map((v: { message: string }) => v.message);
    expect(found).toEqual(['read libs/lib-a/src/other.ts', 'read tools/allowed.txt']);
    expect(report.notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'libs/lib-a/src/run.ts',
          code: 'not-an-input',
          message: expect.stringContaining('rule acme/reads could not read libs/lib-a/src/ignored.ts, libs/lib-b/src/run.ts: not an input of this task'),
        }),
      ]),
    );
  });

  it('should fail and name the file when the project enforcer.config.json has an unknown rule', async () => {
    const workspace = createWorkspace(
      { 'libs/lib-a/enforcer.config.json': '{ "rules": { "logging/no-consol": "off" } }', 'libs/lib-a/src/clean.ts': CLEAN },
      libA(['libs/lib-a/src/clean.ts']),
    );

    expect(await workspace.run('lib-a')).toEqual({ success: false });
    expect(loggedErrors()).toContain('libs/lib-a/enforcer.config.json');
    expect(loggedErrors()).toContain('unknown rule "logging/no-consol"');
  });

  it('should honour a project enforcer.config.json that turns a rule off, for that project only', async () => {
    const workspace = createWorkspace(
      {
        'libs/lib-a/enforcer.config.json': JSON.stringify({ rules: { 'typescript/no-ts-ignore': 'off' } }),
        'libs/lib-a/src/run.ts': TS_IGNORE,
        'libs/lib-b/src/run.ts': TS_IGNORE,
      },
      {
        'lib-a': { root: 'libs/lib-a', files: ['libs/lib-a/enforcer.config.json', 'libs/lib-a/src/run.ts'] },
        'lib-b': { root: 'libs/lib-b', files: ['libs/lib-b/src/run.ts'] },
      },
    );

    expect(await workspace.run('lib-a')).toEqual({ success: true });
    expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).violations).toEqual([]);
    expect(await workspace.run('lib-b')).toEqual({ success: false });
    expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-b/report.json')).violations).toEqual([
      expect.objectContaining({ file: 'libs/lib-b/src/run.ts', ruleId: 'typescript/no-ts-ignore' }),
    ]);
  });

  it("should check only the project's files from the file map", async () => {
    const workspace = createWorkspace(
      {
        'libs/lib-a/src/clean.ts': CLEAN,
        // On disk inside the project folder but not in Nx's file map (e.g. gitignored).
        'libs/lib-a/src/generated.ts': TS_IGNORE,
        'libs/lib-b/src/run.ts': TS_IGNORE,
      },
      { 'lib-a': { root: 'libs/lib-a', files: ['libs/lib-a/src/clean.ts'] }, 'lib-b': { root: 'libs/lib-b', files: ['libs/lib-b/src/run.ts'] } },
    );

    expect(await workspace.run('lib-a')).toEqual({ success: true });
    const report = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json'));
    expect(report.summary.filesChecked).toBe(1);
    expect(report.violations).toEqual([]);
    expect(Object.keys(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/session.json')).files)).toEqual(['libs/lib-a/src/clean.ts']);
  });

  it('should write byte-identical outputs on a second run, whatever the file map order', async () => {
    const files = { 'libs/lib-a/src/a.ts': TS_IGNORE, 'libs/lib-a/src/b.ts': CONSOLE_LOG, 'libs/lib-a/src/c.ts': `${CONSOLE_LOG}${TS_IGNORE}` };
    const workspace = createWorkspace(files, libA(Object.keys(files)));
    const outputs = [
      '.nx-enforcer/projects/libs%2Flib-a/report.json',
      '.nx-enforcer/projects/libs%2Flib-a/report.sarif',
      '.nx-enforcer/projects/libs%2Flib-a/session.json',
    ];

    await workspace.run('lib-a');
    const first = outputs.map(workspace.read);
    fileMapMock.mockResolvedValue({ 'lib-a': [...workspace.fileMap['lib-a']].reverse() });
    await workspace.run('lib-a');

    expect(outputs.map(workspace.read)).toEqual(first);
    expect(first.join('\n')).not.toContain(workspace.root);
  });

  it('should print each violation with its file, line:column and rule id', async () => {
    const workspace = createWorkspace({ 'libs/lib-a/src/run.ts': TS_IGNORE }, libA(['libs/lib-a/src/run.ts']));

    await workspace.run('lib-a');

    const { line, column } = positionOf(TS_IGNORE, '@ts-ignore');
    expect(stdout).toMatch(new RegExp(`^libs/lib-a/src/run\\.ts\\n\\s+${line}:${column}\\s+error\\s+Do not use @ts-ignore.*typescript/no-ts-ignore$`, 'm'));
    expect(stdout).toContain('1 problem (1 error, 0 warnings) in 1 file checked');
  });

  it('should print the report as JSON with format json', async () => {
    const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

    await workspace.run('lib-a', { format: 'json' });

    expect(JSON.parse(stdout)).toEqual(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')));
  });

  it('should refuse to run without a project', async () => {
    const workspace = createWorkspace({}, {});

    await expect(enforceExecutor({}, { ...executorContext(workspace.root, 'x', {}), projectName: undefined })).rejects.toThrow('must run for a project');
  });

  it('should check project boundaries with the project graph: tags, package names and path aliases', async () => {
    const files = {
      'enforcer.config.json': JSON.stringify({
        rules: {
          'architecture/project-boundaries': ['error', { depConstraints: [{ sourceTag: 'type:ui', onlyDependOnProjectsWithTags: ['type:ui', 'type:util'] }] }],
        },
      }),
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { paths: { '@ws/util': ['./libs/util/src/index.ts'] } } }),
      'libs/ui/src/button.ts': "import { load } from '@ws/data';\nimport { format } from '@ws/util';\nimport { x } from '../../util/src/internal';\n",
      'libs/data/src/index.ts': CLEAN,
      'libs/util/src/index.ts': CLEAN,
    };
    const workspace = createWorkspace(files, {
      ui: { root: 'libs/ui', tags: ['type:ui'], files: ['libs/ui/src/button.ts'] },
      data: { root: 'libs/data', tags: ['type:data'], packageName: '@ws/data', files: ['libs/data/src/index.ts'] },
      util: { root: 'libs/util', tags: ['type:util'], files: ['libs/util/src/index.ts'] },
    });

    expect(await workspace.run('ui')).toEqual({ success: false });

    const violations = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Fui/report.json')).violations;
    expect(violations.map((v: { line: number; message: string }) => [v.line, v.message])).toEqual([
      [1, expect.stringContaining('may only depend on projects tagged "type:ui" or "type:util": "data" (type:data) is not allowed')],
      [3, expect.stringContaining('Deep import into "util" (../../util/src/internal)')],
    ]);
  });

  it('should read a DTO in a library the project depends on in the graph, and say it cannot verify one in a library it does not', async () => {
    const dto = "import { IsString } from 'class-validator';\nexport class CreateUserDto {\n  @IsString() name!: string;\n  email!: string;\n}\n";
    const controller = (from: string) =>
      `import { Body, Controller, Post } from '@nestjs/common';\nimport { CreateUserDto } from '${from}';\n` +
      `@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: CreateUserDto) {}\n}\n`;
    const files = {
      'enforcer.config.json': JSON.stringify({ rules: { 'nestjs/dto-validated': 'error' } }),
      'apps/api/src/users.controller.ts': controller('@ws/contracts'),
      'apps/admin/src/users.controller.ts': controller('@ws/contracts'),
      'libs/contracts/package.json': JSON.stringify({ name: '@ws/contracts', main: 'src/index.ts' }),
      'libs/contracts/src/index.ts': "export * from './create-user.dto';\n",
      'libs/contracts/src/create-user.dto.ts': dto,
    };
    const workspace = createWorkspace(files, {
      api: { root: 'apps/api', files: ['apps/api/src/users.controller.ts'], dependsOn: ['contracts'] },
      admin: { root: 'apps/admin', files: ['apps/admin/src/users.controller.ts'] },
      contracts: {
        root: 'libs/contracts',
        packageName: '@ws/contracts',
        files: ['libs/contracts/package.json', 'libs/contracts/src/index.ts', 'libs/contracts/src/create-user.dto.ts'],
      },
    });

    expect(await workspace.run('api')).toEqual({ success: false });
    expect(await workspace.run('admin')).toEqual({ success: true });

    const messages = (project: string) =>
      JSON.parse(workspace.read(`.nx-enforcer/projects/apps%2F${project}/report.json`)).violations.map((v: { message: string }) => v.message);
    expect(messages('api')).toEqual([expect.stringContaining('Body DTO "CreateUserDto" has properties without a validation decorator (email)')]);
    expect(messages('admin')).toEqual([
      expect.stringContaining('it is declared in project contracts ("@ws/contracts"), which this project does not depend on'),
    ]);
  });

  it("should reuse a file's stored result when another project's graph edges change, and not when the checked project's do", async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dto = "import { IsString } from 'class-validator';\nexport class CreateUserDto {\n  @IsString() name!: string;\n  email!: string;\n}\n";
    const files = {
      'enforcer.config.json': JSON.stringify({ rules: { 'nestjs/dto-validated': 'error' } }),
      'apps/api/src/users.controller.ts':
        `import { Body, Controller, Post } from '@nestjs/common';\nimport { CreateUserDto } from '@ws/contracts';\n` +
        `@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: CreateUserDto) {}\n}\n`,
      'apps/admin/src/main.ts': CLEAN,
      'libs/contracts/src/index.ts': dto,
    };
    const projects: Record<string, ProjectSpec> = {
      api: { root: 'apps/api', files: ['apps/api/src/users.controller.ts'], dependsOn: ['contracts'] },
      admin: { root: 'apps/admin', files: ['apps/admin/src/main.ts'] },
      contracts: { root: 'libs/contracts', packageName: '@ws/contracts', files: ['libs/contracts/src/index.ts'] },
    };
    const workspace = createWorkspace(files, projects);
    const profiled = async () => {
      await workspace.run('api', { profile: true });
      const report = JSON.parse(workspace.read('.nx-enforcer/projects/apps%2Fapi/report.json'));
      return { files: report.profile.files, messages: report.violations.map((v: { message: string }) => v.message) };
    };

    expect((await profiled()).files).toEqual({ analysed: 1, reused: 0 });
    projects.admin.dependsOn = ['contracts'];
    expect((await profiled()).files).toEqual({ analysed: 0, reused: 1 });
    projects.api.dependsOn = [];
    const after = await profiled();
    expect(after.files).toEqual({ analysed: 1, reused: 0 });
    expect(after.messages).toEqual([expect.stringContaining('which this project does not depend on')]);
  });

  it('should record a baseline with updateBaseline, then fail only on new errors and report the rest as historical', async () => {
    const files = { 'libs/lib-a/src/run.ts': TS_IGNORE };
    const workspace = createWorkspace(files, libA(Object.keys(files)));

    expect(await workspace.run('lib-a', { updateBaseline: true })).toEqual({ success: true });
    const baseline = JSON.parse(workspace.read('libs/lib-a/enforcer.baseline.json'));
    expect(baseline.violations).toEqual([expect.objectContaining({ ruleId: 'typescript/no-ts-ignore', file: 'libs/lib-a/src/run.ts' })]);
    expect(await workspace.run('lib-a')).toEqual({ success: true });
    expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).violations[0].scope).toBe('historical');

    const newFile = 'libs/lib-a/src/more.ts';
    writeFileSync(join(workspace.root, newFile), TS_IGNORE.replace('run', 'more'));
    workspace.fileMap['lib-a'].push({ file: newFile, hash: 'h' });
    expect(await workspace.run('lib-a')).toEqual({ success: false });
    const scopes = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).violations.map(
      (v: { file: string; scope: string }) => `${v.file} ${v.scope}`,
    );
    expect(scopes).toEqual(['libs/lib-a/src/more.ts new', 'libs/lib-a/src/run.ts historical']);
  });

  it('should fail with the file and the problem for a broken baseline', async () => {
    const files = { 'libs/lib-a/src/run.ts': CLEAN, 'libs/lib-a/enforcer.baseline.json': '{ broken' };
    const workspace = createWorkspace(files, libA(['libs/lib-a/src/run.ts']));
    expect(await workspace.run('lib-a')).toEqual({ success: false });
    expect(loggedErrors()).toContain('libs/lib-a/enforcer.baseline.json: the baseline is not valid JSON');
  });

  describe('session shard', () => {
    const shardPath = '.nx-enforcer/projects/libs%2Flib-a/session.json';

    it('should set aside a corrupt shard with one warning line, and rebuild it', async () => {
      const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
      const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG, [shardPath]: '{"version":2,"proj' }, libA(['libs/lib-a/src/greet.ts']));

      expect(await workspace.run('lib-a')).toEqual({ success: true });

      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(
        /^nx-enforcer: .*session\.json was not valid JSON \(truncated or corrupt\); set aside as session\.json\.corrupt, all files are checked again$/,
      );
      expect(workspace.read(`${shardPath}.corrupt`)).toBe('{"version":2,"proj');
      expect(JSON.parse(workspace.read(shardPath)).files['libs/lib-a/src/greet.ts'].violations).toHaveLength(1);
    });

    it('should analyse again only the files whose Nx hash changed since the shard on disk', async () => {
      const files = { 'libs/lib-a/src/greet.ts': CONSOLE_LOG, 'libs/lib-a/src/run.ts': TS_IGNORE };
      const workspace = createWorkspace(files, libA(Object.keys(files)));
      jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

      await workspace.run('lib-a', { profile: true });
      expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).profile.files).toEqual({ analysed: 2, reused: 0 });
      const coldShard = workspace.read(shardPath);

      await workspace.run('lib-a', { profile: true });
      expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).profile.files).toEqual({ analysed: 0, reused: 2 });
      expect(workspace.read(shardPath)).toBe(coldShard);

      writeFileSync(join(workspace.root, 'libs/lib-a/src/run.ts'), CLEAN);
      workspace.fileMap['lib-a'][1] = { file: 'libs/lib-a/src/run.ts', hash: 'changed' };
      expect(await workspace.run('lib-a', { profile: true })).toEqual({ success: true });
      const report = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json'));
      expect(report.profile.files).toEqual({ analysed: 1, reused: 1 });
      expect(report.violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['logging/no-console']);
    });

    it('should survive two runs of one project at once: both finish, the shard is one complete version', async () => {
      const files = { 'libs/lib-a/src/greet.ts': CONSOLE_LOG, 'libs/lib-a/src/run.ts': TS_IGNORE };
      const workspace = createWorkspace(files, libA(Object.keys(files)));

      const results = await Promise.all([workspace.run('lib-a'), workspace.run('lib-a', { updateBaseline: true }), workspace.run('lib-a')]);

      expect(results.map((result) => result.success).sort()).toEqual([false, false, true]);
      const shard = JSON.parse(workspace.read(shardPath));
      expect(Object.keys(shard.files).sort()).toEqual(Object.keys(files).sort());
      expect(shard.totals).toMatchObject({ files: 2, violations: 2 });
      expect(readdirSync(join(workspace.root, '.nx-enforcer/projects/libs%2Flib-a')).sort()).toEqual(['report.json', 'report.sarif', 'session.json']);
    });

    it('should remove temp files a killed run left in the output folder', async () => {
      const stale = '.nx-enforcer/projects/libs%2Flib-a/session.json.2147483646.0123abcd.tmp';
      const workspace = createWorkspace({ 'libs/lib-a/src/clean.ts': CLEAN, [stale]: '{"half":' }, libA(['libs/lib-a/src/clean.ts']));

      await workspace.run('lib-a');

      expect(existsSync(join(workspace.root, stale))).toBe(false);
      expect(readdirSync(join(workspace.root, '.nx-enforcer/projects/libs%2Flib-a')).sort()).toEqual(['report.json', 'report.sarif', 'session.json']);
    });
  });

  describe('formats and profile', () => {
    it('should print one format and write the others inside the output folder', async () => {
      const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

      expect(await workspace.run('lib-a', { format: ['stylish', 'junit:junit.xml', 'markdown:summary/report.md'] })).toEqual({ success: true });

      expect(stdout).toContain('1 problem (0 errors, 1 warning)');
      expect(workspace.read('.nx-enforcer/projects/libs%2Flib-a/junit.xml')).toContain('name="libs/lib-a/src/greet.ts"');
      expect(workspace.read('.nx-enforcer/projects/libs%2Flib-a/summary/report.md')).toContain('logging/no-console');
    });

    it('should accept a comma-separated string, as Nx passes a single --format', async () => {
      const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

      await workspace.run('lib-a', { format: 'json,sarif:copy.sarif' });

      expect(JSON.parse(stdout).summary.warnings).toBe(1);
      expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/copy.sarif')).version).toBe('2.1.0');
    });

    it('should accept the CI formats: github annotations to the terminal, a gitlab report to a file', async () => {
      const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

      expect(await workspace.run('lib-a', { format: 'github,gitlab:gl-code-quality.json' })).toEqual({ success: true });

      expect(stdout).toMatch(/^::warning file=libs\/lib-a\/src\/greet\.ts,line=\d+,.*title=logging\/no-console::/m);
      expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/gl-code-quality.json'))).toEqual([
        expect.objectContaining({
          check_name: 'logging/no-console',
          severity: 'minor',
          location: expect.objectContaining({ path: 'libs/lib-a/src/greet.ts' }),
        }),
      ]);
    });

    it.each([
      [['stylish', 'json'], 'only one format can print to the terminal'],
      [['junit:../../elsewhere.xml'], "../../elsewhere.xml must be a new file inside the task's output folder"],
      [['json:report.json'], 'report.json must be a new file inside'],
      [['xml'], 'unknown format "xml"'],
    ])('should fail with a clear message for format %j, writing nothing', async (format, message) => {
      const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));

      expect(await workspace.run('lib-a', { format })).toEqual({ success: false });

      expect(loggedErrors()).toContain(message);
      expect(existsSync(join(workspace.root, '.nx-enforcer'))).toBe(false);
    });

    it('should print the profile to stderr and add it to report.json only with profile', async () => {
      const workspace = createWorkspace({ 'libs/lib-a/src/greet.ts': CONSOLE_LOG }, libA(['libs/lib-a/src/greet.ts']));
      let stderr = '';
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stderr += chunk.toString();
        return true;
      });

      await workspace.run('lib-a');
      expect(JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json')).profile).toBeUndefined();
      expect(stderr).toBe('');

      await workspace.run('lib-a', { profile: true });
      const { profile } = JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json'));
      expect(profile).toMatchObject({ files: { analysed: 0, reused: 1 }, peakRssBytes: expect.any(Number), peakHeapBytes: expect.any(Number) });
      expect(stderr).toMatch(/^Profile \(lib-a\): 0 files analysed, 1 reused, /);
    });
  });

  describe('batch (nx run-many -t enforce --batch)', () => {
    const twoProjects = () =>
      createWorkspace(
        { 'libs/lib-a/src/run.ts': TS_IGNORE, 'libs/lib-b/src/greet.ts': CONSOLE_LOG, 'libs/lib-c/src/clean.ts': CLEAN },
        {
          'lib-a': { root: 'libs/lib-a', files: ['libs/lib-a/src/run.ts'] },
          'lib-b': { root: 'libs/lib-b', files: ['libs/lib-b/src/greet.ts'] },
          'lib-c': { root: 'libs/lib-c', files: ['libs/lib-c/src/clean.ts'] },
        },
      );
    const taskGraphOf = (projects: string[]): TaskGraph => ({
      roots: projects.map((project) => `${project}:enforce`),
      dependencies: Object.fromEntries(projects.map((project) => [`${project}:enforce`, []])),
      continuousDependencies: {},
      tasks: Object.fromEntries(
        projects.map((project) => [
          `${project}:enforce`,
          { id: `${project}:enforce`, target: { project, target: 'enforce' }, overrides: {}, outputs: [], parallelism: true, cache: true },
        ]),
      ),
    });
    const collect = async (iterator: AsyncIterableIterator<BatchTaskResult>) => {
      const results: BatchTaskResult[] = [];
      for await (const result of iterator) results.push(result);
      return results;
    };

    it('should stream one result per task, each with its own output, reading the file map once', async () => {
      const workspace = twoProjects();
      const context = {
        ...executorContext(workspace.root, 'lib-a', {
          'lib-a': { root: 'libs/lib-a', files: [] },
          'lib-b': { root: 'libs/lib-b', files: [] },
          'lib-c': { root: 'libs/lib-c', files: [] },
        }),
        projectName: undefined,
      };
      const inputs = { 'lib-a:enforce': {}, 'lib-b:enforce': { maxWarnings: 0 }, 'lib-c:enforce': { format: ['json'] } };

      const called = Date.now();
      const results = await collect(enforceBatch(taskGraphOf(['lib-a', 'lib-b', 'lib-c']), inputs, {}, context));
      const returned = Date.now();

      const byTask = Object.fromEntries(results.map(({ task, result }) => [task, result]));
      // Nx's run duration is the span of the tasks' times: the first ones include the process's start-up.
      const times = results.map(({ result }) => result);
      expect(Math.min(...times.map((time) => time.startTime as number))).toBeLessThan(called);
      for (const time of times) expect(time.endTime).toBeGreaterThanOrEqual(time.startTime as number);
      expect(Math.max(...times.map((time) => time.endTime as number))).toBeLessThanOrEqual(returned);
      expect(Object.keys(byTask).sort()).toEqual(['lib-a:enforce', 'lib-b:enforce', 'lib-c:enforce']);
      expect(byTask['lib-a:enforce']).toMatchObject({ success: false, status: 'failure' });
      expect(byTask['lib-a:enforce'].terminalOutput).toContain('typescript/no-ts-ignore');
      expect(byTask['lib-a:enforce'].terminalOutput).not.toContain('lib-b');
      expect(byTask['lib-b:enforce']).toMatchObject({ success: false, status: 'failure' });
      expect(byTask['lib-b:enforce'].terminalOutput).toContain('1 new warning exceeds maxWarnings (0)');
      expect(byTask['lib-c:enforce']).toMatchObject({ success: true, status: 'success' });
      expect(JSON.parse(byTask['lib-c:enforce'].terminalOutput).project).toBe('lib-c');
      for (const lib of ['lib-a', 'lib-b', 'lib-c']) expect(JSON.parse(workspace.read(`.nx-enforcer/projects/libs%2F${lib}/report.json`)).project).toBe(lib);
      expect(fileMapMock).toHaveBeenCalledTimes(1);
      expect(stdout).toBe('');
    });

    it('should give the same outputs as one process per project', async () => {
      const workspace = twoProjects();
      const projects = { 'lib-a': { root: 'libs/lib-a', files: [] }, 'lib-b': { root: 'libs/lib-b', files: [] }, 'lib-c': { root: 'libs/lib-c', files: [] } };
      const outputs = ['lib-a', 'lib-b', 'lib-c'].flatMap((lib) =>
        ['report.json', 'report.sarif', 'session.json'].map((file) => `.nx-enforcer/projects/libs%2F${lib}/${file}`),
      );
      for (const project of ['lib-a', 'lib-b', 'lib-c']) await workspace.run(project);
      const single = outputs.map(workspace.read);
      rmSync(join(workspace.root, '.nx-enforcer'), { recursive: true });

      await collect(enforceBatch(taskGraphOf(['lib-a', 'lib-b', 'lib-c']), {}, {}, executorContext(workspace.root, 'lib-a', projects)));

      expect(outputs.map(workspace.read)).toEqual(single);
    });

    it('should mark every task skipped, with the reason, when the file map cannot be built', async () => {
      const workspace = twoProjects();
      fileMapMock.mockRejectedValue(new Error('project graph is stale'));

      const results = await collect(enforceBatch(taskGraphOf(['lib-a', 'lib-b']), {}, {}, executorContext(workspace.root, 'lib-a', {})));

      expect(results).toEqual(
        ['lib-a:enforce', 'lib-b:enforce'].map((task) => ({
          task,
          result: { success: false, status: 'skipped', terminalOutput: 'nx-enforcer: project graph is stale\n' },
        })),
      );
    });
  });

  describe('watch (nx run <project>:enforce --watch, the continuous enforce-watch target)', () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

    it('should check again after each burst of changes, analysing only changed files, and leave a valid shard when stopped', async () => {
      const files = { 'libs/lib-a/src/run.ts': CLEAN, 'libs/lib-a/src/other.ts': CLEAN };
      const workspace = createWorkspace(files, libA(Object.keys(files)));
      const write = (path: string, text: string) => writeFileSync(join(workspace.root, path), text);
      const checks = workspace.watch('lib-a', { watchDebounce: 50, profile: true });
      // Each change is made once the watcher is listening: after the previous result was taken.
      const nextAfter = async (change: () => void) => {
        const pending = checks.next();
        await settle();
        change();
        return (await pending).value;
      };
      const shard = () => JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/session.json'));
      const report = () => JSON.parse(workspace.read('.nx-enforcer/projects/libs%2Flib-a/report.json'));

      expect((await checks.next()).value).toEqual({ success: true });
      expect(await nextAfter(() => write('libs/lib-a/src/run.ts', TS_IGNORE))).toEqual({ success: false });
      expect(report().violations.map((v: { file: string; ruleId: string }) => `${v.file} ${v.ruleId}`)).toEqual([
        'libs/lib-a/src/run.ts typescript/no-ts-ignore',
      ]);
      expect(report().profile.files).toEqual({ analysed: 1, reused: 1 });

      // Mid-edit the file does not parse: reported, and checked again on the next save.
      expect(await nextAfter(() => write('libs/lib-a/src/run.ts', 'export const broken = (;\n'))).toEqual({ success: false });
      expect(report().violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['parse-error']);
      expect(await nextAfter(() => write('libs/lib-a/src/run.ts', CLEAN))).toEqual({ success: true });

      // A burst: three writes, one new file, one check.
      expect(
        await nextAfter(() => {
          write('libs/lib-a/src/other.ts', CONSOLE_LOG);
          write('libs/lib-a/src/added.ts', CONSOLE_LOG);
          write('libs/lib-a/src/other.ts', CONSOLE_LOG);
        }),
      ).toEqual({ success: true });
      expect(Object.keys(shard().files).sort()).toEqual(['libs/lib-a/src/added.ts', 'libs/lib-a/src/other.ts', 'libs/lib-a/src/run.ts']);
      expect(report().summary).toMatchObject({ warnings: 2, errors: 0 });

      await checks.return(undefined);
      expect(shard()).toMatchObject({ version: SESSION_SHARD_VERSION, project: 'lib-a', totals: { files: 3, warnings: 2 } });
    });

    it('should keep the last report while a re-check runs, and remove it when a re-check fails on a broken config', async () => {
      const files = { 'libs/lib-a/src/run.ts': CLEAN };
      const workspace = createWorkspace(files, libA(Object.keys(files)));
      const checks = workspace.watch('lib-a', { watchDebounce: 50 });
      const reportPath = join(workspace.root, '.nx-enforcer/projects/libs%2Flib-a/report.json');
      expect((await checks.next()).value).toEqual({ success: true });
      expect(existsSync(reportPath)).toBe(true);
      const pending = checks.next();
      await settle();
      writeFileSync(join(workspace.root, 'libs/lib-a/enforcer.config.json'), '{ "rules": { ');
      expect((await pending).value).toEqual({ success: false });
      expect(existsSync(reportPath)).toBe(false);
      expect(loggedErrors()).toMatch(/enforcer\.config\.json/);
      await checks.return(undefined);
    });

    it('should refuse to watch and fix at once', async () => {
      const workspace = createWorkspace({ 'libs/lib-a/src/run.ts': CLEAN }, libA(['libs/lib-a/src/run.ts']));
      const checks = workspace.watch('lib-a', { fix: true });
      expect((await checks.next()).value).toEqual({ success: false });
      expect((await checks.next()).done).toBe(true);
      expect(loggedErrors()).toMatch(/watch and fix do not go together/);
    });
  });

  describe('fix (the uncached enforce-fix target)', () => {
    const IGNORED = '// @ts-ignore -- the v1 payload is a string\nexport const total: number = payload;\ndeclare const payload: string;\n';
    const EXPECTED = '// @ts-expect-error -- the v1 payload is a string\nexport const total: number = payload;\ndeclare const payload: string;\n';
    const LOGGER_CONFIG = JSON.stringify({ rules: { 'logging/no-console': ['warn', { logger: 'logger from @acme/logging', loggerModule: '@acme/logging' }] } });
    const targets = {
      enforce: { executor: 'nx-enforcer:enforce', cache: true },
      'enforce-fix': { executor: 'nx-enforcer:enforce', cache: false, options: { fix: true } },
    };
    /** The context of `nx run <project>:<target>`, with the inferred targets on every project. */
    const contextFor = (workspace: Workspace, project: string, projects: Record<string, ProjectSpec>, targetName = 'enforce-fix'): ExecutorContext => {
      const context = executorContext(workspace.root, project, projects);
      for (const configuration of Object.values(context.projectsConfigurations.projects)) configuration.targets = targets;
      return { ...context, targetName };
    };
    const fix = (workspace: Workspace, project: string, projects: Record<string, ProjectSpec>, options: EnforceExecutorOptions = {}, targetName?: string) =>
      enforceExecutor({ fix: true, ...options }, contextFor(workspace, project, projects, targetName));

    it('should apply suggestions with fixType suggestion, print what it fixed, and write nothing into the output folder', async () => {
      const projects = libA(['libs/lib-a/src/total.ts']);
      const workspace = createWorkspace({ 'libs/lib-a/src/total.ts': IGNORED }, projects);

      expect(await fix(workspace, 'lib-a', projects, { fixType: 'suggestion' })).toEqual({ success: true });

      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(EXPECTED);
      expect(stdout).toContain('libs/lib-a/src/total.ts\n  fixed    1:4      typescript/no-ts-ignore');
      expect(stdout).toContain('Fix (safe fixes and suggestions): 1 fixed in 1 file, 0 refused, 0 skipped.');
      expect(stdout).toContain('0 problems (0 errors, 0 warnings) in 1 file checked');
      expect(existsSync(join(workspace.root, '.nx-enforcer'))).toBe(false);
    });

    it('should apply only safe fixes by default, succeed, and say that what remains still blocks', async () => {
      const files = { 'libs/lib-a/enforcer.config.json': LOGGER_CONFIG, 'libs/lib-a/src/total.ts': IGNORED, 'libs/lib-a/src/greet.ts': CONSOLE_LOG };
      const projects = libA(Object.keys(files));
      const workspace = createWorkspace(files, projects);

      expect(await fix(workspace, 'lib-a', projects)).toEqual({ success: true });
      expect(stdout).toContain('nx-enforcer: Still blocking after the fixes: 1 new error, 0 new warnings');

      expect(workspace.read('libs/lib-a/src/greet.ts')).toBe(
        "import { logger } from '@acme/logging';\n\nexport function greet(): void {\n  logger.info('hello');\n}\n",
      );
      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(IGNORED);
      expect(stdout).toMatch(/libs\/lib-a\/src\/total\.ts\n\s+1:4\s+error\s+Do not use @ts-ignore/);
    });

    it('should change nothing on a second run', async () => {
      const projects = libA(['libs/lib-a/src/total.ts']);
      const workspace = createWorkspace({ 'libs/lib-a/src/total.ts': IGNORED }, projects);
      await fix(workspace, 'lib-a', projects, { fixType: 'suggestion' });
      stdout = '';

      expect(await fix(workspace, 'lib-a', projects, { fixType: 'suggestion' })).toEqual({ success: true });

      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(EXPECTED);
      expect(stdout).toContain('Fix (safe fixes and suggestions): 0 fixed in 0 files, 0 refused, 0 skipped.');
    });

    it('should refuse fix on a cached target, naming the enforce-fix target, and touch nothing', async () => {
      const projects = libA(['libs/lib-a/src/total.ts']);
      const workspace = createWorkspace({ 'libs/lib-a/src/total.ts': IGNORED }, projects);

      expect(await fix(workspace, 'lib-a', projects, { fixType: 'suggestion' }, 'enforce')).toEqual({ success: false });

      expect(loggedErrors()).toBe(
        'nx-enforcer: fix rewrites source files, so it never runs on a cached target, and "lib-a:enforce" has caching on. Run ' +
          'the uncached "enforce-fix" target instead: nx run lib-a:enforce-fix (or nx affected -t enforce-fix).',
      );
      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(IGNORED);
      expect(existsSync(join(workspace.root, '.nx-enforcer'))).toBe(false);
    });

    it('should refuse fix where the target configuration does not turn caching off', async () => {
      const projects = libA(['libs/lib-a/src/total.ts']);
      const workspace = createWorkspace({ 'libs/lib-a/src/total.ts': IGNORED }, projects);

      // The spec's default context has no target configurations at all.
      expect(await workspace.run('lib-a', { fix: true })).toEqual({ success: false });
      expect(loggedErrors()).toContain('Run the uncached "enforce-fix" target instead');
      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(IGNORED);
    });

    it.each([
      [{ format: ['junit:junit.xml'] }, 'junit:junit.xml: a fix run writes no report files'],
      [{ updateBaseline: true }, 'fix cannot be combined with updateBaseline'],
      [{ fixType: 'everything' as never }, 'fixType takes safe, suggestion or dangerous, not "everything"'],
    ])('should fail with a clear message for %j, touching nothing', async (options, message) => {
      const projects = libA(['libs/lib-a/src/total.ts']);
      const workspace = createWorkspace({ 'libs/lib-a/src/total.ts': IGNORED }, projects);

      expect(await fix(workspace, 'lib-a', projects, { fixType: 'suggestion', ...options })).toEqual({ success: false });

      expect(loggedErrors()).toContain(message);
      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(IGNORED);
      expect(existsSync(join(workspace.root, '.nx-enforcer'))).toBe(false);
    });

    it('should keep stdout parsable with format json: the fix summary goes to stderr', async () => {
      const projects = libA(['libs/lib-a/src/total.ts']);
      const workspace = createWorkspace({ 'libs/lib-a/src/total.ts': IGNORED }, projects);
      let stderr = '';
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stderr += chunk.toString();
        return true;
      });

      await fix(workspace, 'lib-a', projects, { fixType: 'suggestion', format: 'json' });

      expect(JSON.parse(stdout)).toMatchObject({ project: 'lib-a', summary: { errors: 0 } });
      expect(stderr).toContain('1 fixed in 1 file');
    });

    it('should fix every project of a batch, each task with its own output', async () => {
      const files = { 'libs/lib-a/src/total.ts': IGNORED, 'libs/lib-b/src/total.ts': IGNORED };
      const projects = {
        'lib-a': { root: 'libs/lib-a', files: ['libs/lib-a/src/total.ts'] },
        'lib-b': { root: 'libs/lib-b', files: ['libs/lib-b/src/total.ts'] },
      };
      const workspace = createWorkspace(files, projects);
      const taskGraph: TaskGraph = {
        roots: ['lib-a:enforce-fix', 'lib-b:enforce-fix'],
        dependencies: { 'lib-a:enforce-fix': [], 'lib-b:enforce-fix': [] },
        continuousDependencies: {},
        tasks: Object.fromEntries(
          ['lib-a', 'lib-b'].map((project) => [
            `${project}:enforce-fix`,
            { id: `${project}:enforce-fix`, target: { project, target: 'enforce-fix' }, overrides: {}, outputs: [], parallelism: true, cache: false },
          ]),
        ),
      };
      const inputs = { 'lib-a:enforce-fix': { fix: true, fixType: 'suggestion' as const }, 'lib-b:enforce-fix': { fix: true } };

      const results: BatchTaskResult[] = [];
      for await (const result of enforceBatch(taskGraph, inputs, {}, { ...contextFor(workspace, 'lib-a', projects), projectName: undefined }))
        results.push(result);

      const byTask = Object.fromEntries(results.map(({ task, result }) => [task, result]));
      expect(byTask['lib-a:enforce-fix']).toMatchObject({ success: true, status: 'success' });
      expect(byTask['lib-a:enforce-fix'].terminalOutput).toContain('1 fixed in 1 file');
      // lib-b's suggestion was not asked for: the fix run succeeds and says what still blocks.
      expect(byTask['lib-b:enforce-fix']).toMatchObject({ success: true, status: 'success' });
      expect(byTask['lib-b:enforce-fix'].terminalOutput).toContain(
        'nx-enforcer: Still blocking after the fixes: 1 new error, 0 new warnings; no fix of this kind solves them, so they ' +
          'need an edit by hand. Then check again: npx nx run lib-b:enforce',
      );
      expect(workspace.read('libs/lib-a/src/total.ts')).toBe(EXPECTED);
      expect(workspace.read('libs/lib-b/src/total.ts')).toBe(IGNORED);
      expect(existsSync(join(workspace.root, '.nx-enforcer'))).toBe(false);
    });
  });
});
