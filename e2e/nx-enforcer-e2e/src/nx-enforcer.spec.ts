import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

import { publishPackages } from '../../../tools/local-registry/index.cjs';
import { startRemoteCacheProcess } from '../../../tools/remote-cache/server.cjs';

import { e2eContext, registryEnv } from './support/e2e-context';
import { runGithubWorkflow } from './support/github-workflow-runner';
import { runnableCommands } from './support/runnable-commands';
import { NX_COMMAND_ENV, runCommand, runNx, startNx, type RunResult } from './support/run';

/**
 * One fresh workspace (created by global setup with `create-nx-workspace` and `nx add
 * nx-enforcer@<prerelease>` from the local registry), walked through the life of a user: the
 * steps run in order and build on each other.
 */
describe('nx-enforcer in a new Nx workspace', () => {
  const { workspace, registry, version } = e2eContext();
  const libA = 'packages/lib-a';
  const libB = 'packages/lib-b';
  /** A project's output folder: flat, its root with `/` written `%2F`. */
  const outputOf = (root: string) => `.nx-enforcer/projects/${root.replace(/\//g, '%2F')}`;
  let projectA: string;
  let projectB: string;

  // Nx 23 keeps its cache in ~/.nx/<workspace id>, shared by every checkout of a workspace on the
  // machine; the e2e workspace gets its own, so runs never see each other's entries.
  const nxCache = join(workspace, '..', 'nx-cache');
  const nxEnv = { ...registryEnv(registry), NX_CACHE_DIRECTORY: nxCache };
  const runsTasks = (args: string[]) => ['run', 'run-many', 'affected'].includes(args[0]);
  const nx = (args: string[], allowFailure = false): RunResult =>
    runNx(runsTasks(args) ? [...args, '--output-style=static'] : args, { cwd: workspace, env: nxEnv, allowFailure });
  const read = (path: string) => readFileSync(join(workspace, path), 'utf8');
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  /** Commits everything in `folder` (the workspace, or a checkout of it), returning the commit. */
  const commitIn = (folder: string, message: string): string => {
    runCommand('git', ['add', '--all'], { cwd: folder });
    runCommand('git', ['commit', '--quiet', '--no-verify', '-m', message], {
      cwd: folder,
      env: { GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@nx-enforcer.invalid', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@nx-enforcer.invalid' },
    });
    return runCommand('git', ['rev-parse', 'HEAD'], { cwd: folder }).stdout.trim();
  };
  const commit = (message: string) => commitIn(workspace, message);
  const rootConfig = (rules: Record<string, unknown>) =>
    `${JSON.stringify({ $schema: './node_modules/@nx-enforcer/core/schema/enforcer.schema.json', rules }, null, 2)}\n`;
  /** Task ids that ran for real, and those served from the local cache. */
  const tasksOf = (output: string) => ({
    ran: [...output.matchAll(/> nx run (\S+:enforce)(?!\s+\[)/g)].map((match) => match[1]).sort(),
    cached: [...output.matchAll(/> nx run (\S+:enforce)\s+\[(?:local cache|remote cache|existing outputs match the cache, left as is)\]/g)]
      .map((match) => match[1])
      .sort(),
  });

  const passingCommit = 'fix: no console in lib-a';
  /** A git worktree beside the workspace, at the commit with this message. */
  const checkoutAt = (message: string, folder: string): string => {
    const sha = runCommand('git', ['log', '--format=%H', '--fixed-strings', `--grep=${message}`], { cwd: workspace })
      .stdout.trim()
      .split('\n')[0];
    const checkout = join(workspace, '..', folder);
    runCommand('git', ['worktree', 'add', '--quiet', '--detach', checkout, sha], { cwd: workspace });
    return checkout;
  };

  beforeAll(() => {
    for (const lib of [libA, libB]) {
      nx(['g', '@nx/js:library', lib, '--bundler=none', '--unitTestRunner=none', '--linter=none', '--no-interactive']);
    }
    const names = (JSON.parse(nx(['show', 'projects', '--json']).stdout) as string[]).sort();
    [projectA, projectB] = [names.find((name) => name.endsWith('lib-a')) as string, names.find((name) => name.endsWith('lib-b')) as string];
    write(`${libA}/src/lib/lib-a.ts`, `export function libA(): string {\n  console.log('computing');\n  return 'lib-a';\n}\n`);
    // Planted violations block only at `error`: make console an error for this workspace.
    write('enforcer.config.json', rootConfig({ 'logging/no-console': 'error' }));
    commit('two libraries, one with a console.log');
  });

  it('should have been set up by `nx add`: plugin registered, root config with $schema, output folder ignored', () => {
    const nxJson = JSON.parse(read('nx.json'));
    expect(nxJson.plugins).toContainEqual({ plugin: 'nx-enforcer', options: { targetName: 'enforce' } });
    expect(read('.gitignore')).toMatch(/^\.nx-enforcer$/m);
    const schemaPath = join(workspace, 'node_modules/@nx-enforcer/core/schema/enforcer.schema.json');
    expect(JSON.parse(readFileSync(schemaPath, 'utf8')).properties.rules.properties).toHaveProperty('logging/no-console');
  });

  it('should infer a cached enforce target with the project output folder', () => {
    const project = JSON.parse(nx(['show', 'project', projectA, '--json']).stdout);
    const target = project.targets.enforce;
    expect(target).toMatchObject({
      executor: 'nx-enforcer:enforce',
      cache: true,
      outputs: [`{workspaceRoot}/${outputOf(libA)}`, '{projectRoot}/enforcer.baseline.json'],
    });
    expect(target.inputs).toEqual(
      expect.arrayContaining([
        '{workspaceRoot}/enforcer.config.json',
        '{projectRoot}/enforcer.config.json',
        { externalDependencies: ['nx-enforcer', '@nx-enforcer/core'] },
      ]),
    );
    expect(target.metadata.technologies).toEqual(['typescript']);
  });

  it('should fail run-many on the planted violation, naming file:line:col and rule, and pass the clean project', () => {
    const result = nx(['run-many', '-t', 'enforce'], true);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${libA}/src/lib/lib-a.ts`);
    expect(result.output).toMatch(/2:3\s+error\s+Unexpected console\.log\(\): log through the project logger instead\.\s+logging\/no-console/);
    expect(result.output).toMatch(new RegExp(`Failed tasks:\\s+- ${escape(projectA)}:enforce`));
    expect(result.output).not.toContain(`- ${projectB}:enforce`);
    const report = JSON.parse(read(`${outputOf(libA)}/report.json`));
    expect(report.violations).toEqual([
      expect.objectContaining({ ruleId: 'logging/no-console', file: `${libA}/src/lib/lib-a.ts`, line: 2, column: 3, severity: 'error' }),
    ]);
    expect(JSON.parse(read(`${outputOf(libB)}/report.json`)).summary).toMatchObject({ errors: 0, warnings: 0 });
    const session = JSON.parse(read(`${outputOf(libA)}/session.json`));
    expect(session).toMatchObject({ version: 3, project: projectA, totals: { errors: 1 } });
    expect(session.files[`${libA}/src/lib/lib-a.ts`].hash).toMatch(/\w+/);
  });

  const outputFiles = [libA, libB].flatMap((lib) => ['report.json', 'report.sarif', 'session.json'].map((file) => `${outputOf(lib)}/${file}`));

  it('should serve the passing project from the cache on an identical second run, and re-run the failing one to the same result', () => {
    const before = outputFiles.map(read);
    rmSync(join(workspace, '.nx-enforcer'), { recursive: true, force: true });
    const result = nx(['run-many', '-t', 'enforce'], true);
    // Nx 23 replays only successful tasks from its cache; a failing project runs again.
    expect(tasksOf(result.output)).toEqual({ ran: [`${projectA}:enforce`], cached: [`${projectB}:enforce`] });
    expect(result.code).not.toBe(0);
    expect(outputFiles.map(read)).toEqual(before);
    for (const content of before) expect(content).not.toContain(workspace);
  });

  it('should run only the changed project under `nx affected` once the violation is fixed', () => {
    write(`${libA}/src/lib/lib-a.ts`, `export function libA(): string {\n  return 'lib-a';\n}\n`);
    commit(passingCommit);
    const result = nx(['affected', '-t', 'enforce', '--base=HEAD~1', '--head=HEAD']);
    expect(tasksOf(result.output)).toEqual({ ran: [`${projectA}:enforce`], cached: [] });
    expect(result.output).not.toContain(`${projectB}:enforce`);
    expect(JSON.parse(read(`${outputOf(libA)}/report.json`)).violations).toEqual([]);
  });

  it('should serve a full run from the cache once both pass, and re-run every project when the root config changes', () => {
    // Both pass now: a full run is served from the cache, restoring byte-identical outputs.
    const before = outputFiles.map(read);
    rmSync(join(workspace, '.nx-enforcer'), { recursive: true, force: true });
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [], cached: [`${projectA}:enforce`, `${projectB}:enforce`].sort() });
    expect(outputFiles.map(read)).toEqual(before);

    write('enforcer.config.json', rootConfig({ 'logging/no-console': 'error', 'errors/no-empty-catch': 'warn' }));
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [`${projectA}:enforce`, `${projectB}:enforce`].sort(), cached: [] });
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [], cached: [`${projectA}:enforce`, `${projectB}:enforce`].sort() });
  });

  it('should give one project its own config with the configuration generator, invalidating only that project', () => {
    nx(['g', 'nx-enforcer:configuration', projectB, '--no-interactive']);
    const config = JSON.parse(read(`${libB}/enforcer.config.json`));
    expect(config.$schema).toBe('../../node_modules/@nx-enforcer/core/schema/enforcer.schema.json');
    write(`${libB}/src/lib/lib-b.ts`, `export function libB(): string {\n  console.info('lib-b');\n  return 'lib-b';\n}\n`);
    write(`${libB}/enforcer.config.json`, `${JSON.stringify({ ...config, rules: { 'logging/no-console': 'off' } }, null, 2)}\n`);
    const result = nx(['run-many', '-t', 'enforce']);
    expect(tasksOf(result.output)).toEqual({ ran: [`${projectB}:enforce`], cached: [`${projectA}:enforce`] });
    expect(JSON.parse(read(`${outputOf(libB)}/report.json`)).violations).toEqual([]);
  });

  it('should fail with the file and the problem when a config is broken', () => {
    write(`${libB}/enforcer.config.json`, '{ "rules": { "logging/no-consol": "off" } }\n');
    const result = nx(['run', `${projectB}:enforce`], true);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${libB}/enforcer.config.json:1:14: rules["logging/no-consol"]: unknown rule "logging/no-consol". Valid rule ids:`);
    // The failed task left no earlier report to be read as its result: the summary says it was not checked.
    expect(existsSync(join(workspace, outputOf(libB), 'report.json'))).toBe(false);
    expect(JSON.parse(read('.nx-enforcer/summary/agent-report.json'))).toMatchObject({
      status: 'BLOCKED',
      blocking: 0,
      notChecked: [{ report: `${outputOf(libB)}/report.json`, reason: 'unreadable' }],
    });
  });

  it('should provide the enforcer CLI in the workspace', () => {
    write(`${libB}/enforcer.config.json`, '{}\n');
    const help = runCommand('npx', ['enforcer', '--help'], { cwd: workspace });
    expect(help.stdout).toContain('Usage: enforcer check [paths...]');
    const check = runCommand('npx', ['enforcer', 'check', libB, '--format', 'json'], { cwd: workspace, allowFailure: true });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ file: `${libB}/src/lib/lib-b.ts`, ruleId: 'logging/no-console' })]);
    // `enforcer report` reads the same layout: lib-b's last task failed before writing, so it blocks.
    const summary = runCommand('npx', ['enforcer', 'report'], { cwd: workspace, allowFailure: true });
    expect(summary.code).toBe(1);
    expect(read('.nx-enforcer/summary/STATUS.md')).toContain(`## Reports that could not be read\n\n- ${outputOf(libB)}/report.json`);
  });

  it('should re-run only the project whose text file changed (security/no-secrets scans Markdown)', () => {
    // Both projects pass (Nx caches only passing tasks), so a re-run can only come from the input.
    write(`${libB}/src/lib/lib-b.ts`, `export function libB(): string {\n  return 'lib-b';\n}\n`);
    nx(['run-many', '-t', 'enforce']);
    write(`${libB}/README.md`, '# lib-b\n\nUsage notes.\n');
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [`${projectB}:enforce`], cached: [`${projectA}:enforce`] });
  });

  it('should scaffold a workspace rule whose spec passes, run it in enforce, and re-run every project when the rule changes', () => {
    nx(['g', 'nx-enforcer:rule', 'no-deprecated-api', '--no-interactive']);
    const specs = runCommand('npx', ['enforcer', 'test-rules'], { cwd: workspace, allowFailure: true });
    expect(specs.output).toMatch(/# pass [1-9]/);
    expect(specs.output).toContain('# fail 0');
    expect(specs.code).toBe(0);

    write(`${libA}/src/lib/lib-a.ts`, `export function libA(): string {\n  deprecatedApi();\n  return 'lib-a';\n}\ndeclare function deprecatedApi(): void;\n`);
    const first = nx(['run-many', '-t', 'enforce']);
    expect(tasksOf(first.output).ran).toEqual([`${projectA}:enforce`, `${projectB}:enforce`].sort());
    expect(JSON.parse(read(`${outputOf(libA)}/report.json`)).violations).toEqual([
      expect.objectContaining({ ruleId: 'local/no-deprecated-api', line: 2, column: 3 }),
    ]);

    const rulePath = 'tools/enforcer-rules/no-deprecated-api.ts';
    write(rulePath, read(rulePath).replace("'Disallow calls to the functions listed in `names`.'", "'Calls that the platform team removes in 2.0.'"));
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output).ran).toEqual([`${projectA}:enforce`, `${projectB}:enforce`].sort());
  });

  it("should check project boundaries from tags, and re-run the importing project when a dependency's tags change", () => {
    const tag = (lib: string, tags: string[]) => {
      const manifest = JSON.parse(read(`${lib}/package.json`));
      write(`${lib}/package.json`, `${JSON.stringify({ ...manifest, nx: { ...manifest.nx, tags } }, null, 2)}\n`);
    };
    tag(libA, ['type:ui']);
    tag(libB, ['type:data']);
    // An import Nx's graph has no edge for (nx-ignore-next-line): a `^` input would miss lib-b's tags.
    write(`${libA}/src/lib/lib-a.ts`, `// nx-ignore-next-line\nimport { libB } from '${projectB}';\nexport function libA(): string {\n  return libB();\n}\n`);
    const config = JSON.parse(read('enforcer.config.json'));
    config.rules['architecture/project-boundaries'] = [
      'error',
      { depConstraints: [{ sourceTag: 'type:ui', onlyDependOnProjectsWithTags: ['type:ui', 'type:util'] }] },
    ];
    write('enforcer.config.json', `${JSON.stringify(config, null, 2)}\n`);

    const blocked = nx(['run', `${projectA}:enforce`], true);
    expect(blocked.code).not.toBe(0);
    // Nx adds tags of its own (npm:private), hence the loose match on the tag list.
    expect(blocked.output).toMatch(
      new RegExp(`may only depend on projects tagged "type:ui" or "type:util": "${escape(projectB)}" \\([^)]*type:data\\) is not allowed`),
    );

    tag(libB, ['type:util']);
    const allowed = nx(['run', `${projectA}:enforce`]);
    expect(tasksOf(allowed.output).ran).toEqual([`${projectA}:enforce`]);
    expect(JSON.parse(read(`${outputOf(libA)}/report.json`)).violations).toEqual([]);
    expect(tasksOf(nx(['run', `${projectA}:enforce`]).output).cached).toEqual([`${projectA}:enforce`]);
    tag(libB, ['type:data']);
    expect(tasksOf(nx(['run', `${projectA}:enforce`], true).output).ran).toEqual([`${projectA}:enforce`]);
  });

  it('should record a baseline with --update-baseline, then block only on a violation it does not list', () => {
    // lib-a still breaks the tag constraint from the previous step; accept that as historical.
    expect(nx(['run', `${projectA}:enforce`], true).code).not.toBe(0);
    nx(['run-many', '-t', 'enforce', '--update-baseline']);
    const baseline = JSON.parse(read(`${libA}/enforcer.baseline.json`));
    expect(baseline.violations).toEqual([expect.objectContaining({ ruleId: 'architecture/project-boundaries', file: `${libA}/src/lib/lib-a.ts` })]);

    const accepted = nx(['run-many', '-t', 'enforce']);
    expect(accepted.output).toContain('(baseline)');
    expect(JSON.parse(read(`${outputOf(libA)}/report.json`)).violations.map((v: { scope: string }) => v.scope)).toEqual(['historical']);

    write(`${libB}/src/lib/extra.ts`, "export function extra(): void {\n  console.log('extra');\n}\n");
    const blocked = nx(['run-many', '-t', 'enforce'], true);
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toMatch(new RegExp(`Failed tasks:\\s+- ${escape(projectB)}:enforce\\s`));
    expect(blocked.output).not.toContain(`- ${projectA}:enforce`);
    const newOnes = JSON.parse(read(`${outputOf(libB)}/report.json`)).violations.filter((v: { scope: string }) => v.scope === 'new');
    expect(newOnes).toEqual([expect.objectContaining({ ruleId: 'logging/no-console', severity: 'error', file: `${libB}/src/lib/extra.ts`, line: 2 })]);

    // The plugin's postTasksExecution hook merged both projects' reports into the workspace summary.
    const status = read('.nx-enforcer/summary/STATUS.md');
    expect(status).toContain('**Status: BLOCKED**');
    expect(status).toContain('1 new error, 0 new warnings, 1 historical (baseline)');
    expect(status).toMatch(new RegExp(`\\| ${escape(projectB)} \\| 1 \\| 0 \\| 0 \\|`));
    expect(read('.nx-enforcer/summary/BLOCK.md')).toContain(`\`${libB}/src/lib/extra.ts:2:3\` \`logging/no-console\``);
    expect(JSON.parse(read('.nx-enforcer/summary/workspace.sarif')).runs[0].results).toHaveLength(2);

    // A later run of the other project alone keeps the block: lib-b's latest report still counts.
    nx(['run', `${projectA}:enforce`]);
    expect(read('.nx-enforcer/summary/BLOCK.md')).toContain(`\`${libB}/src/lib/extra.ts:2:3\` \`logging/no-console\``);
    expect(read('.nx-enforcer/summary/STATUS.md')).toContain(
      `## Projects not part of this run\n\nCounted above with their latest result on disk:\n\n- ${projectB}\n`,
    );
  });

  it('should set aside a corrupt session shard, reuse unchanged files from the shard, and write extra formats into the cached output', () => {
    const output = outputOf(libB);
    write(`${output}/session.json`, '{"version":2,"proj');
    const first = nx(['run', `${projectB}:enforce`, '--profile', '--format=stylish', '--format=junit:junit.xml'], true);
    expect(first.output).toMatch(/session\.json was not valid JSON \(truncated or corrupt\); set aside as session\.json\.corrupt/);
    const analysed = /Profile \(\S+\): (\d+) files analysed, 0 reused, /.exec(first.output);
    expect(Number(analysed?.[1])).toBeGreaterThan(1);
    expect(first.output).toMatch(/\(parse\) +[\d.]+ +[\d.]+%/);
    expect(read(`${output}/junit.xml`)).toContain('<testsuite name="logging/no-console"');
    expect(JSON.parse(read(`${output}/session.json`)).rules['logging/no-console']).toEqual(expect.objectContaining({ failed: 1 }));

    // Nothing changed: every file comes from the shard the last run left in the output folder.
    const second = nx(['run', `${projectB}:enforce`, '--profile', '--skip-nx-cache'], true);
    expect(second.output).toContain(`Profile (${projectB}): 0 files analysed, ${analysed?.[1]} reused`);
    expect(JSON.parse(read(`${output}/report.json`)).violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'logging/no-console', file: `${libB}/src/lib/extra.ts`, scope: 'new' })]),
    );
  });

  it('should re-run only the project whose baseline changed, and nothing for files outside every input', () => {
    rmSync(join(workspace, `${libB}/src/lib/extra.ts`));
    nx(['run-many', '-t', 'enforce']);
    const both = [`${projectA}:enforce`, `${projectB}:enforce`].sort();

    write(`${libA}/enforcer.baseline.json`, `${read(`${libA}/enforcer.baseline.json`)}\n`);
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [`${projectA}:enforce`], cached: [`${projectB}:enforce`] });

    // With security/no-secrets off in lib-b, no rule of lib-b reads Markdown: its README leaves the inputs.
    const configB = JSON.parse(read(`${libB}/enforcer.config.json`));
    write(`${libB}/enforcer.config.json`, `${JSON.stringify({ ...configB, rules: { ...configB.rules, 'security/no-secrets': 'off' } }, null, 2)}\n`);
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [`${projectB}:enforce`], cached: [`${projectA}:enforce`] });
    write(`${libB}/README.md`, '# lib-b\n\nNow with more words.\n');
    write(`${libA}/logo.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [], cached: both });
    commit('baseline touched, lib-b without no-secrets');
  });

  it(
    'should share results through a self-hosted remote cache: a fresh clone restores every project byte-identical, and one ' + 'change re-runs one project',
    async () => {
      const token = 'e2e-remote-cache-token';
      const scratch = mkdtempSync(join(tmpdir(), 'nx-enforcer-remote-'));
      // In its own process: runNx blocks this one while Nx talks to the cache.
      const server = await startRemoteCacheProcess({ directory: join(scratch, 'cache'), token });
      const remote = { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: server.url, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token };
      const clone = join(scratch, 'clone');
      // Each "machine" has its own local cache folder.
      const nxIn = (cwd: string, args: string[]) =>
        runNx([...args, '--output-style=static'], {
          cwd,
          env: { ...nxEnv, ...remote, ...(cwd === clone ? { NX_CACHE_DIRECTORY: join(scratch, 'clone-cache') } : {}) },
        });
      const outputsOf = (root: string) =>
        [libA, libB].flatMap((lib) => ['report.json', 'report.sarif', 'session.json'].map((file) => readFileSync(join(root, outputOf(lib), file), 'utf8')));
      const both = [`${projectA}:enforce`, `${projectB}:enforce`].sort();
      try {
        // Machine A: an empty local cache, so both tasks run and upload.
        runNx(['reset'], { cwd: workspace, env: nxEnv });
        expect(tasksOf(nxIn(workspace, ['run-many', '-t', 'enforce']).output).ran).toEqual(both);
        expect(server.stats()).toMatchObject({ uploads: 2, rejected: 0 });

        // Machine B: a fresh clone in another folder, with no local cache and no outputs.
        runCommand('git', ['clone', '--quiet', workspace, clone], { cwd: scratch });
        cpSync(join(workspace, 'node_modules'), join(clone, 'node_modules'), { recursive: true, verbatimSymlinks: true });
        const restored = nxIn(clone, ['run-many', '-t', 'enforce']);
        expect([...restored.output.matchAll(/> nx run (\S+:enforce)\s+\[remote cache\]/g)].map((match) => match[1]).sort()).toEqual(both);
        expect(server.stats().hits).toBe(2);
        expect(outputsOf(clone)).toEqual(outputsOf(workspace));

        // A fresh analysis in a different folder gives the very bytes the cache holds.
        rmSync(join(clone, '.nx-enforcer'), { recursive: true, force: true });
        nxIn(clone, ['run-many', '-t', 'enforce', '--skip-nx-cache']);
        expect(outputsOf(clone)).toEqual(outputsOf(workspace));

        writeFileSync(join(clone, libA, 'src/lib/lib-a.ts'), `${readFileSync(join(workspace, libA, 'src/lib/lib-a.ts'), 'utf8')}export const added = 1;\n`);
        expect(tasksOf(nxIn(clone, ['run-many', '-t', 'enforce']).output)).toEqual({ ran: [`${projectA}:enforce`], cached: [`${projectB}:enforce`] });
      } finally {
        server.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  );

  it('should re-run every project after upgrading the enforcer to a new version', () => {
    const next = `${version}.next`;
    publishPackages({
      registryUrl: registry,
      version: next,
      packages: ['packages/core', 'packages/nx-enforcer'].map((dir) => resolve(__dirname, '../../..', dir)),
      workDir: mkdtempSync(join(tmpdir(), 'nx-enforcer-publish-next-')),
    });
    const both = [`${projectA}:enforce`, `${projectB}:enforce`].sort();
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [], cached: both });

    runCommand('npm', ['install', '--save-dev', '--save-exact', `nx-enforcer@${next}`], { cwd: workspace, env: registryEnv(registry) });

    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: both, cached: [] });
    expect(JSON.parse(read(`${outputOf(libA)}/report.json`)).enforcerVersion).toBe(next);
    expect(tasksOf(nx(['run-many', '-t', 'enforce']).output)).toEqual({ ran: [], cached: both });
  });

  it('should never write a detected secret in full: not to the terminal, reports, SARIF, shards, the summary or the Nx cache', () => {
    // Built at run time so this spec holds no secret-shaped literal itself.
    const secret = ['ghp', '_', 'Zr8Kq2Lm5Nx7Pv1Tb4Wc9Yd3Hf6Js0Ga8Ue2'].join('');
    const planted: Record<string, string> = {
      [`${libA}/src/lib/keys.ts`]: `export const token = '${secret}';\n`,
      [`${libA}/config.json`]: `{ "token": "${secret}" }\n`,
      [`${libA}/settings.yml`]: `token: ${secret}\n`,
      [`${libA}/notes.md`]: `Use \`${secret}\` to log in.\n`,
      [`${libA}/deploy.sh`]: `export GITHUB_TOKEN=${secret}\n`,
    };
    // Hostile text around it: a suppression comment without " -- " quoting the key, and a file
    // whose lines end in a lone carriage return (the directive must not run to the end of the file).
    const hostile: Record<string, string> = {
      [`${libA}/revoked.md`]: `<!-- enforcer-disable-next-line security/no-secrets - revoked ${secret} -->\nRotated.\n`,
      [`${libA}/src/lib/mac.ts`]: `// enforcer-disable-next-line security/no-secrets\rexport const legacy = '${secret}';\r`,
    };
    for (const [path, content] of Object.entries({ ...planted, ...hostile })) write(path, content);
    // A warning, so the task succeeds and Nx stores its output and terminal log in the cache.
    const rootConfigFile = JSON.parse(read('enforcer.config.json'));
    write('enforcer.config.json', `${JSON.stringify({ ...rootConfigFile, rules: { ...rootConfigFile.rules, 'security/no-secrets': 'warn' } }, null, 2)}\n`);

    const result = nx(['run-many', '-t', 'enforce']);
    const found = JSON.parse(read(`${outputOf(libA)}/report.json`)).violations.filter((v: { ruleId: string }) => v.ruleId === 'security/no-secrets');
    // The Markdown key sits on the directive's own line (it suppresses the next one); mac.ts's is suppressed.
    expect(found.map((v: { file: string }) => v.file).sort()).toEqual([...Object.keys(planted), `${libA}/revoked.md`].sort());
    expect(result.output).toContain('security/no-secrets');
    const replayed = nx(['run-many', '-t', 'enforce']);
    expect(tasksOf(replayed.output).cached).toContain(`${projectA}:enforce`);

    expect(result.output).not.toContain(secret);
    expect(replayed.output).not.toContain(secret);
    const written = [join(workspace, '.nx-enforcer'), join(workspace, '.nx'), nxCache].flatMap(filesUnder);
    expect(written.filter((file) => readFileSync(file).includes(secret))).toEqual([]);
    // The cache does hold this run: its outputs and terminal logs were searched.
    expect(filesUnder(nxCache).filter((file) => readFileSync(file).includes('security/no-secrets')).length).toBeGreaterThan(0);
  });

  it('should check every project in one process with --batch, writing the same outputs', () => {
    const outputs = () => [libA, libB].flatMap((lib) => ['report.json', 'report.sarif', 'session.json'].map((file) => read(`${outputOf(lib)}/${file}`)));
    const single = outputs();
    rmSync(join(workspace, '.nx-enforcer'), { recursive: true, force: true });

    const batch = nx(['run-many', '-t', 'enforce', '--batch', '--skip-nx-cache']);

    // Nx's banner for a batch: both tasks went to the executor's batchImplementation at once.
    expect(batch.output).toMatch(/Running\s+2\s+tasks\s+with\s+nx-enforcer:enforce/);
    expect(batch.output).toContain('security/no-secrets');
    expect(outputs()).toEqual(single);
  });

  it('should run the domain packs once configured: tenant isolation against a Prisma schema that is a task input, project rules, Python rules', () => {
    const rootConfigFile = JSON.parse(read('enforcer.config.json'));
    const rules = {
      ...rootConfigFile.rules,
      'security/tenant-isolation': ['error', { schemaPath: 'prisma/schema.prisma' }],
      'project/required-files': ['error', { files: ['OWNERS'] }],
    };
    write('enforcer.config.json', `${JSON.stringify({ ...rootConfigFile, rules }, null, 2)}\n`);
    write('prisma/schema.prisma', 'model Invoice {\n  id       String @id\n  tenantId String\n}\n');
    write(
      `${libA}/src/lib/invoices.ts`,
      'declare const prisma: { invoice: { findMany(args?: object): Promise<unknown[]> } };\nexport const listInvoices = () => ' +
        'prisma.invoice.findMany({ where: { paid: false } });\n',
    );
    write(`${libA}/OWNERS`, 'team-a\n');
    write(`${libB}/tools/report.py`, 'def run(job):\n    try:\n        job()\n    except:\n        pass\n');

    const failing = nx(['run-many', '-t', 'enforce'], true);
    expect(failing.code).not.toBe(0);
    const violationsOf = (lib: string) =>
      JSON.parse(read(`${outputOf(lib)}/report.json`)).violations.map((v: { ruleId: string; file: string; line: number }) => `${v.file}:${v.line} ${v.ruleId}`);
    expect(violationsOf(libA)).toContain(`${libA}/src/lib/invoices.ts:2 security/tenant-isolation`);
    expect(violationsOf(libB)).toEqual(expect.arrayContaining([`${libB}:1 project/required-files`, `${libB}/tools/report.py:4 python/no-bare-except`]));
    expect(failing.output).toMatch(/Project \S+ has no OWNERS/);

    // The schema is an input: once Invoice has no tenant field, the verdict changes without any code change.
    write('prisma/schema.prisma', 'model Invoice {\n  id String @id\n}\nmodel Customer {\n  id       String @id\n  tenantId String\n}\n');
    write(`${libB}/OWNERS`, 'team-b\n');
    write(`${libB}/tools/report.py`, 'def run(job):\n    try:\n        job()\n    except RuntimeError:\n        pass\n');
    const passing = nx(['run-many', '-t', 'enforce']);
    expect(tasksOf(passing.output).ran).toEqual([`${projectA}:enforce`, `${projectB}:enforce`].sort());
    expect(violationsOf(libA).filter((entry: string) => /tenant-isolation|project\//.test(entry))).toEqual([]);
    expect(violationsOf(libB).filter((entry: string) => /python\/|project\//.test(entry))).toEqual([]);
  });

  it('should read a DTO in a library the project depends on, and re-run the project when only the library changes', () => {
    const rootConfigFile = JSON.parse(read('enforcer.config.json'));
    // lib-a (type:ui) may not depend on lib-b (type:data) under the boundaries set earlier: not this test's subject.
    const rules = { ...rootConfigFile.rules, 'architecture/project-boundaries': 'off', 'nestjs/dto-validated': 'error' };
    write('enforcer.config.json', `${JSON.stringify({ ...rootConfigFile, rules }, null, 2)}\n`);
    // A workspace dependency, as a package manager's workspaces declare it: an edge in Nx's graph.
    const manifestA = read(`${libA}/package.json`);
    const parsedA = JSON.parse(manifestA);
    write(`${libA}/package.json`, `${JSON.stringify({ ...parsedA, dependencies: { ...parsedA.dependencies, [projectB]: '*' } }, null, 2)}\n`);
    const dto = (decorator: string) =>
      `import { IsEmail, IsString } from 'class-validator';\nexport class CreateUserDto {\n  @IsString() name!: string;\n  ${decorator}email!: string;\n}\n`;
    const index = read(`${libB}/src/index.ts`);
    write(`${libB}/src/lib/create-user.dto.ts`, dto(''));
    write(`${libB}/src/index.ts`, `${index}export * from './lib/create-user.dto';\n`);
    // Imported by the library's package name; the enforce target has the dependency's files as `^` inputs.
    const controller = `${libA}/src/lib/users.controller.ts`;
    write(
      controller,
      `import { Body, Controller, Post } from '@nestjs/common';\nimport { CreateUserDto } from '${projectB}';\n` +
        `@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: CreateUserDto) {\n    return ` +
        `dto;\n  }\n}\n`,
    );

    const blocked = nx(['run', `${projectA}:enforce`], true);
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toContain('Body DTO "CreateUserDto" has properties without a validation decorator (email)');
    expect(JSON.parse(nx(['show', 'project', projectA, '--json']).stdout).targets.enforce.inputs).toContain('^default');

    // Only the library changes: the app's check runs again and passes.
    write(`${libB}/src/lib/create-user.dto.ts`, dto('@IsEmail() '));
    const passing = nx(['run', `${projectA}:enforce`]);
    expect(tasksOf(passing.output).ran).toEqual([`${projectA}:enforce`]);
    expect(JSON.parse(read(`${outputOf(libA)}/report.json`)).violations.filter((v: { ruleId: string }) => v.ruleId === 'nestjs/dto-validated')).toEqual([]);

    rmSync(join(workspace, controller));
    rmSync(join(workspace, `${libB}/src/lib/create-user.dto.ts`));
    write(`${libB}/src/index.ts`, index);
    write(`${libA}/package.json`, manifestA);
    write('enforcer.config.json', `${JSON.stringify(rootConfigFile, null, 2)}\n`);
  });

  it('should apply fixes with the uncached enforce-fix target: the file is fixed, a second fix changes nothing, and enforce passes', () => {
    const fixTarget = JSON.parse(nx(['show', 'project', projectA, '--json']).stdout).targets['enforce-fix'];
    expect(fixTarget).toMatchObject({ executor: 'nx-enforcer:enforce', cache: false, options: { fix: true } });

    const legacy = `${libA}/src/lib/legacy.ts`;
    const body = (pragma: string) =>
      `export function legacyTotal(payload: string): number {\n  // ${pragma} -- the v1 payload is a numeric string\n  return payload * 2;\n}\n`;
    write(legacy, body('@ts-ignore'));
    const reportBefore = read(`${outputOf(libA)}/report.json`);

    const fixed = nx(['run', `${projectA}:enforce-fix`, '--fixType=suggestion']);
    expect(read(legacy)).toBe(body('@ts-expect-error'));
    expect(fixed.output).toMatch(new RegExp(`${escape(legacy)}\\n\\s+fixed\\s+2:6\\s+typescript/no-ts-ignore`));
    expect(fixed.output).toContain('Fix (safe fixes and suggestions):');
    expect(fixed.output).not.toMatch(/enforce-fix\s+\[(?:local|remote) cache\]/);

    // Idempotent, and never replayed from the cache: it runs again and finds nothing left to fix.
    const sources = () =>
      filesUnder(join(workspace, libA, 'src'))
        .sort()
        .map((file) => `${file}\n${readFileSync(file, 'utf8')}`);
    const afterFirst = sources();
    const again = nx(['run', `${projectA}:enforce-fix`, '--fixType=suggestion']);
    expect(again.output).toContain('Fix (safe fixes and suggestions): 0 fixed in 0 files, 0 refused, 0 skipped.');
    expect(again.output).not.toMatch(/enforce-fix\s+\[(?:local|remote) cache\]/);
    expect(sources()).toEqual(afterFirst);
    // The fix run wrote nothing into the cached output of enforce.
    expect(read(`${outputOf(libA)}/report.json`)).toBe(reportBefore);

    // The fixed sources are inputs of enforce: it runs again and finds no @ts-ignore.
    const checked = nx(['run-many', '-t', 'enforce']);
    expect(tasksOf(checked.output).ran).toContain(`${projectA}:enforce`);
    const found = JSON.parse(read(`${outputOf(libA)}/report.json`)).violations.map((v: { ruleId: string; file: string }) => `${v.file} ${v.ruleId}`);
    expect(found.filter((entry: string) => entry.endsWith('typescript/no-ts-ignore'))).toEqual([]);
    expect(found.filter((entry: string) => entry.startsWith(legacy))).toEqual([]);
  });

  it('should watch with the continuous enforce-watch target: a change is checked again, and stopping leaves a valid shard', async () => {
    const watchTarget = JSON.parse(nx(['show', 'project', projectB, '--json']).stdout).targets['enforce-watch'];
    expect(watchTarget).toMatchObject({ executor: 'nx-enforcer:enforce', cache: false, continuous: true, options: { watch: true } });
    const until = async (what: string, condition: () => boolean) => {
      for (let waited = 0; !condition(); waited += 250) {
        if (waited > 120_000) throw new Error(`gave up waiting for ${what}:\n${watching.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const watching = startNx(['run', `${projectB}:enforce-watch`, '--watchDebounce=200', '--output-style=stream'], { cwd: workspace, env: nxEnv });
    try {
      await until('the first check', () => /problems? \(/.test(watching.output()));
      // The watcher is in place once the first check has printed; give the file system a moment anyway.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      write(`${libB}/src/lib/watched.ts`, `export function watched(): void {\n  console.log('seen by the watch');\n}\n`);
      const reportPath = `${outputOf(libB)}/report.json`;
      const shardPath = `${outputOf(libB)}/session.json`;
      // A check ends with its last write, the shard (after report.json and report.sarif): stopping
      // before it would test the timing, not what a stop leaves behind. Each check starts by
      // removing the previous report (a check that fails must not leave one), so it may be absent.
      const readOrEmpty = (path: string) => {
        try {
          return read(path);
        } catch {
          return '';
        }
      };
      await until(
        'the check after the change',
        () => watching.output().includes('checking again') && readOrEmpty(reportPath).includes('watched.ts') && readOrEmpty(shardPath).includes('watched.ts'),
      );
      const report = JSON.parse(read(reportPath));
      expect(report.violations.map((v: { file: string; ruleId: string }) => `${v.file} ${v.ruleId}`)).toContain(
        `${libB}/src/lib/watched.ts logging/no-console`,
      );
      expect(watching.output()).toMatch(/files? changed \(.*watched\.ts.*\); checking again/);
    } finally {
      await watching.stop();
    }
    const shard = JSON.parse(read(`${outputOf(libB)}/session.json`));
    expect(shard).toMatchObject({ version: 3, project: projectB });
    expect(Object.keys(shard.files)).toContain(`${libB}/src/lib/watched.ts`);
    rmSync(join(workspace, libB, 'src/lib/watched.ts'));
  });

  it('should give one answer from the CLI and the targets, end the run with its verdict, and hand off commands that work as written', () => {
    // A checkout of a passing commit, then: a committed @ts-ignore (so `nx affected` on it would see
    // nothing), a project whose own config turns a rule off, build output .gitignore leaves out, and
    // a script in no project.
    const checkout = checkoutAt(passingCommit, 'handoff-workspace');
    symlinkSync(join(workspace, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    const env = { ...NX_COMMAND_ENV, ...registryEnv(registry), NX_CACHE_DIRECTORY: join(workspace, '..', 'handoff-nx-cache') };
    const put = (path: string, content: string) => {
      mkdirSync(dirname(join(checkout, path)), { recursive: true });
      writeFileSync(join(checkout, path), content);
    };
    const legacy = `${libA}/src/lib/legacy.ts`;
    put(legacy, 'export function legacyTotal(payload: string): number {\n  // @ts-ignore -- the v1 payload is a numeric string\n  return payload * 2;\n}\n');
    put(`${libB}/enforcer.config.json`, '{ "rules": { "logging/no-console": "off" } }\n');
    put(`${libB}/src/lib/debug.ts`, "export function debug(): void {\n  console.log('debug');\n}\n");
    put(`${libA}/dist/built.js`, "console.log('built');\n");
    put('tools/release.ts', "console.log('release');\n");
    commitIn(checkout, 'a committed @ts-ignore, a project config, build output and a script');
    const runIn = (command: string) =>
      runCommand('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], { cwd: checkout, env, allowFailure: true });

    const blocked = runIn('npx nx run-many -t enforce --output-style=static');
    expect(blocked.code).not.toBe(0);
    // The run's last line: the verdict, what was not checked, and the file to read.
    // (Nx prints its list of failed tasks on stderr; the line ends stdout.)
    const blockedVerdict = new RegExp(
      /^nx-enforcer: BLOCKED: 1 new error, 0 new warnings in 2 projects; /.source +
        /\d+ source files? in no project, not checked\. Read \.nx-enforcer\/summary\/BLOCK\.md$/.source,
    );
    expect(blocked.stdout.trimEnd().split('\n').pop()).toMatch(blockedVerdict);
    expect(readFileSync(join(checkout, '.nx-enforcer/summary/STATUS.md'), 'utf8')).toContain('- `tools/`: 1 file');

    // The CLI finds exactly what the targets found, and names the script no target checks.
    const key = (violation: { file: string; line: number; column: number; ruleId: string; scope: string }) =>
      `${violation.file}:${violation.line}:${violation.column} ${violation.ruleId} ${violation.scope}`;
    const fromTargets = [libA, libB]
      .flatMap((lib) => JSON.parse(readFileSync(join(checkout, outputOf(lib), 'report.json'), 'utf8')).violations.map(key))
      .sort();
    const cli = runIn('npx enforcer check --format json');
    expect(cli.code).toBe(1);
    const cliReport = JSON.parse(cli.stdout);
    expect(cliReport.violations.map(key).sort()).toEqual(fromTargets);
    expect(fromTargets).toEqual([`${legacy}:2:6 typescript/no-ts-ignore new`]);
    expect(cliReport.notices).toContainEqual(expect.objectContaining({ file: 'tools/', code: 'not-checked' }));

    // Every command BLOCK.md and agent-report.json hand off runs as written: the fix, then the re-check.
    const agentReport = JSON.parse(readFileSync(join(checkout, '.nx-enforcer/summary/agent-report.json'), 'utf8'));
    const block = readFileSync(join(checkout, '.nx-enforcer/summary/BLOCK.md'), 'utf8');
    expect(agentReport.recheckCommand).toBe(`npx nx run-many -t enforce -p ${projectA}`);
    expect(agentReport.nextActions).toEqual([expect.objectContaining({ file: legacy, fixCommand: `npx nx run ${projectA}:enforce-fix --fixType=suggestion` })]);
    for (const command of [agentReport.nextActions[0].fixCommand, agentReport.recheckCommand]) expect(block).toContain(command);
    const fixed = runIn(agentReport.nextActions[0].fixCommand);
    expect(fixed.code).toBe(0);
    expect(fixed.output).toContain(
      `nx-enforcer: Nothing blocks after the fixes (0 new errors, 0 new warnings). Check again to record it: npx nx run ${projectA}:enforce`,
    );
    const rechecked = runIn(agentReport.recheckCommand);
    expect(rechecked.code).toBe(0);
    // lib-b was not part of the re-check: its last result counts, and the line says so.
    const cleanVerdict = new RegExp(
      /^nx-enforcer: CLEAN: 0 new errors, 0 new warnings in 2 projects; 1 project from an earlier run; /.source +
        /\d+ source files? in no project, not checked\. Summary: \.nx-enforcer\/summary\/STATUS\.md$/.source,
    );
    expect(rechecked.stdout.trimEnd().split('\n').pop()).toMatch(cleanVerdict);
    // The inferred target's help is the target's own options.
    const help = runIn(JSON.parse(runIn(`npx nx show project ${projectA} --json`).stdout).targets.enforce.metadata.help.command);
    expect(help.code).toBe(0);
    expect(help.output).toContain('--fixType');
  });

  it('should run every command the docs mark as runnable, as written, in a checkout where every project passes', () => {
    const commands = runnableCommands(resolve(__dirname, '../../..'));
    expect(commands.length).toBeGreaterThanOrEqual(8);
    // Shares the workspace's installed packages: the docs' commands start from a clean, passing workspace.
    const checkout = checkoutAt(passingCommit, 'docs-workspace');
    symlinkSync(join(workspace, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    const env = { ...NX_COMMAND_ENV, ...registryEnv(registry), NX_CACHE_DIRECTORY: join(workspace, '..', 'docs-nx-cache') };
    const failures: string[] = [];
    let ran = 0;
    for (const { file, line, command } of commands) {
      // Global setup ran it already, at the prerelease this run published.
      if (/\bnx add\b/.test(command)) continue;
      const [program, ...args] = command.replace(/\bmy-lib\b|<project>/g, projectA).split(/\s+/);
      const result = runCommand(program, args, { cwd: checkout, env, allowFailure: true });
      ran++;
      if (result.code !== 0) failures.push(`${file}:${line}: \`${command}\` exited ${result.code}\n${result.output.slice(-3000)}`);
    }
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThanOrEqual(8);
    // What the commands did: the configuration generator gave lib-a its own config, the rule generator a rule whose spec ran.
    expect(existsSync(join(checkout, libA, 'enforcer.config.json'))).toBe(true);
    expect(existsSync(join(checkout, 'tools/enforcer-rules/no-legacy-api.spec.ts'))).toBe(true);
  });
  it(
    'should run the generated GitHub workflow for real: the gate fails on a new violation, annotated on its line, the ' +
      'summary and a valid SARIF are written, and the next run restores every passing project from the cache',
    () => {
      const checkout = checkoutAt(passingCommit, 'ci-workspace');
      const env = { ...NX_COMMAND_ENV, ...registryEnv(registry) };
      runCommand('npm', ['ci', '--no-audit', '--no-fund'], { cwd: checkout, env });
      runNx(['g', 'nx-enforcer:ci-workflow', '--ci=github', '--no-interactive'], { cwd: checkout, env });
      const workflowFile = join(checkout, '.github/workflows/enforce.yml');
      const base = commitIn(checkout, 'ci: the enforce workflow');
      // The change under review: a new console.log in lib-b (an error in this workspace), an edit in lib-a.
      writeFileSync(join(checkout, libB, 'src/lib/lib-b.ts'), `export function libB(): string {\n  console.log('reviewed');\n  return 'lib-b';\n}\n`);
      writeFileSync(join(checkout, libA, 'src/lib/lib-a.ts'), `export function libA(): string {\n  return 'lib-a, edited';\n}\n`);
      const head = commitIn(checkout, 'a console.log in lib-b');
      // What nrwl/nx-set-shas would set; the cache action's folder persists in the checkout.
      const pipelineEnv = { ...env, NX_BASE: base, NX_HEAD: head };
      // Nx's default output in CI: a passing task is one `✔  nx run <task> <flags>` line, with its
      // cache source if any; under GITHUB_ACTIONS a failed one opens a log group (`::group::❌ > nx run …`).
      const tasksIn = (output: string) => {
        const ran = new Set<string>();
        const cached = new Set<string>();
        for (const match of output.matchAll(
          /^(?:::group::)?[^\w\n]*nx run (\S+:enforce)(?: --\S+)*(\s+\[(?:local cache|remote cache|existing outputs match the cache, left as is)\])?\s*$/gm,
        )) {
          (match[2] ? cached : ran).add(match[1]);
        }
        return { ran: [...ran].sort(), cached: [...cached].sort() };
      };

      const started = Date.now();
      const pullRequest = runGithubWorkflow(workflowFile, { cwd: checkout, event: 'pull_request', env: pipelineEnv });
      const firstSeconds = (Date.now() - started) / 1000;
      expect(pullRequest.actions).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'nrwl/nx-set-shas@v4', 'actions/cache@v4']);
      expect(pullRequest.steps.map(({ step, code }) => [step, code])).toEqual([
        ['npm ci', 0],
        ['Check the projects the pull request affects', 1],
        ['Add the summary to the job summary', 0],
      ]);
      expect(pullRequest.passed).toBe(false);
      const gate = pullRequest.steps[1].output;
      expect(gate).toMatch(
        new RegExp(`^::error file=${escape(libB)}/src/lib/lib-b\\.ts,line=2,.*title=logging/no-console::Unexpected console\\.log\\(\\)`, 'm'),
      );
      expect(tasksIn(gate)).toEqual({ ran: [`${projectA}:enforce`, `${projectB}:enforce`].sort(), cached: [] });
      expect(readFileSync(join(checkout, '..', 'step-summary-pull_request.md'), 'utf8')).toMatch(/Status: BLOCKED/);

      // The merge: every project is checked, for code scanning.
      const restarted = Date.now();
      const push = runGithubWorkflow(workflowFile, { cwd: checkout, event: 'push', env: pipelineEnv });
      const secondSeconds = (Date.now() - restarted) / 1000;
      expect(push.steps.map(({ step, code }) => [step, code])).toEqual([
        ['npm ci', 0],
        ['Check every project', 1],
        ['Add the summary to the job summary', 0],
      ]);
      // Nx never replays a failed task: lib-b runs again; lib-a, which passed, comes from the cache.
      const everyProject = tasksIn(push.steps[1].output);
      expect(everyProject.cached).toContain(`${projectA}:enforce`);
      expect(everyProject.ran).toContain(`${projectB}:enforce`);
      expect(everyProject.ran).not.toContain(`${projectA}:enforce`);
      expect(push.actions).toContain('github/codeql-action/upload-sarif@v3');
      const sarif = JSON.parse(readFileSync(join(checkout, '.nx-enforcer/summary/workspace.sarif'), 'utf8'));
      const validate = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
      addFormats(validate);
      const valid = validate.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
      expect([valid(sarif), valid.errors ?? null]).toEqual([true, null]);
      expect(sarif.runs[0].results).toContainEqual(expect.objectContaining({ ruleId: 'logging/no-console', baselineState: 'new' }));
      console.info(
        `generated GitHub workflow in the e2e workspace: first run ${firstSeconds.toFixed(1)} s, second run (cache restored) ${secondSeconds.toFixed(1)} s`,
      );
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every file below `folder`, recursively (none if it does not exist). */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
