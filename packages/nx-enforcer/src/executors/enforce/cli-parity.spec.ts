import { createProjectFileMapUsingProjectGraph, logger, type ExecutorContext, type ProjectFileMap } from '@nx/devkit';
import { runCli, type ReportedViolation, type RunReport } from '@nx-enforcer/core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import enforceExecutor from './enforce.impl';

// Nx computes the file map for the process's own workspace root; here git lists the files (it
// honours .gitignore as Nx does) and the projects' roots assign them, as Nx's file map would.
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  createProjectFileMapUsingProjectGraph: jest.fn(),
}));

const TS_IGNORE = 'export function run(value: string): number {\n  // @ts-ignore\n  return value * 2;\n}\n';
const CONSOLE_LOG = "export function greet(): void {\n  console.log('hello');\n}\n";

/**
 * A workspace with what made the CLI and Nx disagree: a project whose own config turns a rule off,
 * a project with a baseline, build output that .gitignore leaves out, a package.json that no
 * workspaces glob takes in (not a project), and scripts in no project at all.
 */
const FILES: Record<string, string> = {
  'nx.json': '{}',
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['libs/*'] }),
  '.gitignore': 'dist/\n',
  'enforcer.config.json': JSON.stringify({ rules: { 'logging/no-console': 'warn' } }),
  'apps/api/project.json': JSON.stringify({ name: 'api', tags: ['type:app'] }),
  'apps/api/enforcer.config.json': JSON.stringify({ rules: { 'logging/no-console': 'off' } }),
  'apps/api/src/main.ts': CONSOLE_LOG,
  'apps/api/src/run.ts': TS_IGNORE,
  'apps/api/dist/main.js': "console.log('built');\n",
  'libs/util/package.json': JSON.stringify({ name: '@acme/util' }),
  'libs/util/src/greet.ts': CONSOLE_LOG,
  'libs/util/src/run.ts': TS_IGNORE,
  'libs/util/tools/package.json': JSON.stringify({ name: 'not-a-project' }),
  'libs/util/tools/log.ts': CONSOLE_LOG,
  'tools/release.ts': CONSOLE_LOG,
  'tools/check.ts': TS_IGNORE,
};

const PROJECTS = { api: { root: 'apps/api', tags: ['type:app'] }, '@acme/util': { root: 'libs/util', tags: [] as string[] } };

let root: string;
let stdout: string;

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'nx-enforcer-parity-')));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  stdout = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  process.env.NO_COLOR = '1';
});

afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.NO_COLOR;
  rmSync(root, { recursive: true, force: true });
});

/** The files git lists (tracked or not, never ignored), assigned to the deepest project root. */
function nxFileMap(): ProjectFileMap {
  execFileSync('git', ['init', '-q'], { cwd: root });
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const map: ProjectFileMap = Object.fromEntries(Object.keys(PROJECTS).map((name) => [name, []]));
  for (const file of files) {
    const owner = Object.entries(PROJECTS)
      .filter(([, project]) => file.startsWith(`${project.root}/`))
      .sort(([, a], [, b]) => b.root.length - a.root.length)[0];
    if (owner) map[owner[0]].push({ file, hash: file });
  }
  return map;
}

function executorContext(projectName: string): ExecutorContext {
  const projects = Object.fromEntries(Object.entries(PROJECTS).map(([name, project]) => [name, { name, ...project }]));
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName,
    targetName: 'enforce',
    projectsConfigurations: { version: 2, projects },
    nxJsonConfiguration: {},
    projectGraph: { nodes: Object.fromEntries(Object.entries(projects).map(([name, data]) => [name, { name, type: 'lib' as const, data }])), dependencies: {} },
  };
}

/** What a violation is, whoever found it. */
const key = (violation: ReportedViolation) =>
  `${violation.file}:${violation.line}:${violation.column} ${violation.ruleId} ${violation.severity} ${violation.scope}`;

async function viaNx(): Promise<{ violations: string[]; success: Record<string, boolean>; filesChecked: number }> {
  jest.mocked(createProjectFileMapUsingProjectGraph).mockResolvedValue(nxFileMap());
  const success: Record<string, boolean> = {};
  const violations: string[] = [];
  let filesChecked = 0;
  for (const [name, project] of Object.entries(PROJECTS)) {
    success[name] = (await (enforceExecutor({}, executorContext(name)) as Promise<{ success: boolean }>)).success;
    const report = JSON.parse(readFileSync(join(root, '.nx-enforcer/projects', encodeURIComponent(project.root), 'report.json'), 'utf8')) as RunReport;
    violations.push(...report.violations.map(key));
    filesChecked += report.summary.filesChecked;
  }
  return { violations: violations.sort(), success, filesChecked };
}

async function viaCli(...args: string[]): Promise<{ report: RunReport; exitCode: number; stderr: string }> {
  let out = '';
  let err = '';
  const exitCode = await runCli(['check', '--format', 'json', ...args], {
    cwd: root,
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    color: false,
  });
  return { report: JSON.parse(out) as RunReport, exitCode, stderr: err };
}

describe('the CLI and the enforce targets give one answer', () => {
  it('should find the same violations, with each project’s config and baseline, and name the files in no project', async () => {
    // The util baseline accepts its @ts-ignore, so util passes and only api blocks.
    writeFileSync(
      join(root, 'libs/util/enforcer.baseline.json'),
      JSON.stringify({
        version: 1,
        violations: [{ fingerprint: await fingerprintOfTsIgnore(), ruleId: 'typescript/no-ts-ignore', file: 'libs/util/src/run.ts', message: 'x' }],
      }),
    );
    const nx = await viaNx();
    const cli = await viaCli();

    expect(cli.report.violations.map(key).sort()).toEqual(nx.violations);
    expect(nx.violations).toEqual([
      'apps/api/src/run.ts:2:6 typescript/no-ts-ignore error new',
      'libs/util/src/greet.ts:2:3 logging/no-console warn new',
      'libs/util/src/run.ts:2:6 typescript/no-ts-ignore error historical',
    ]);
    expect(nx.success).toEqual({ api: false, '@acme/util': true });
    expect(cli.exitCode).toBe(1);
    // Neither checks build output, nor a file in no project; the CLI names those instead.
    expect(cli.report.summary.filesChecked).toBe(nx.filesChecked);
    expect(cli.report.violations.map((violation) => violation.file)).not.toContain('apps/api/dist/main.js');
    expect(cli.report.notices.filter((notice) => notice.code === 'not-checked').map((notice) => notice.message)).toEqual([
      'tools/: 2 source files in no Nx project, so no enforce target checks them (nx g nx-enforcer:init ' +
        '--checkFilesOutsideProjects adds a root project that does)',
    ]);
  });

  it('should check a named folder with its project’s config, and say that a folder in no project is not checked', async () => {
    const api = await viaCli('apps/api/src');
    expect(api.report.violations.map(key)).toEqual(['apps/api/src/run.ts:2:6 typescript/no-ts-ignore error new']);

    const tools = await viaCli('tools');
    expect(tools.report.summary.filesChecked).toBe(0);
    expect(tools.report.violations).toEqual([]);
    expect(tools.report.notices.map((notice) => notice.file)).toEqual(['tools/']);
    // Nothing checked is not a pass.
    expect(tools.exitCode).toBe(2);
    expect(tools.stderr).toContain('enforcer: nothing was checked: tools/: 2 source files in no Nx project');
  });

  it('should watch each project with its own config: the first report of --watch is the report of check', async () => {
    const stop = new AbortController();
    stop.abort();
    let out = '';
    const code = await runCli(['check', '--watch', '--format', 'json'], {
      cwd: root,
      stdout: (text) => (out += text),
      stderr: () => undefined,
      color: false,
      stop: stop.signal,
    });
    const watched = JSON.parse(out) as RunReport;
    const checked = (await viaCli()).report;
    expect(watched.violations.map(key)).toEqual(checked.violations.map(key));
    expect(watched.notices).toEqual(checked.notices);
    expect(code).toBe(1);
  });

  it('should write each project’s own baseline with --update-baseline, as the targets read them', async () => {
    expect((await viaCli('--update-baseline')).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'apps/api/enforcer.baseline.json'), 'utf8')).violations).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(root, 'libs/util/enforcer.baseline.json'), 'utf8')).violations).toHaveLength(2);
    const nx = await viaNx();
    expect(nx.success).toEqual({ api: true, '@acme/util': true });
    expect((await viaCli()).exitCode).toBe(0);
  });
});

/** The fingerprint the engine gives libs/util's @ts-ignore, read from a run without a baseline. */
async function fingerprintOfTsIgnore(): Promise<string> {
  const { report } = await viaCli('libs/util/src/run.ts');
  const violation = report.violations.find((entry) => entry.ruleId === 'typescript/no-ts-ignore');
  if (!violation) throw new Error('the fixture lost its @ts-ignore');
  return violation.fingerprint;
}
