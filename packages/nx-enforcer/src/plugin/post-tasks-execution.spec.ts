import { readCachedProjectGraph, type PostTasksExecutionContext, type ProjectGraph } from '@nx/devkit';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputDirectoryOf, SUMMARY_DIRECTORY } from '../output-directory';
import { postTasksExecution } from './post-tasks-execution';

// The graph Nx caches for the process's own workspace, replaced by one of the temp workspace.
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  readCachedProjectGraph: jest.fn(() => {
    throw new Error('no graph');
  }),
}));

describe('postTasksExecution', () => {
  let workspace: string;
  const writeReport = (root: string, project: string, newErrors: number, ruleId = 'errors/no-empty-catch') => {
    const folder = outputDirectoryOf(root);
    mkdirSync(join(workspace, root), { recursive: true });
    mkdirSync(join(workspace, folder), { recursive: true });
    const violations = Array.from({ length: newErrors }, (_, index) => ({
      ruleId,
      severity: 'error',
      file: `${project}/x.ts`,
      line: index + 1,
      column: 1,
      endLine: index + 1,
      endColumn: 2,
      message: 'Empty catch block',
      fingerprint: `f${index}`,
      scope: 'new',
    }));
    const summary = { filesChecked: 1, errors: newErrors, warnings: 0, newErrors, newWarnings: 0, historical: 0, notices: 0 };
    writeFileSync(
      join(workspace, folder, 'report.json'),
      JSON.stringify({ version: 1, project, enforcerVersion: '0', configHash: 'h', summary, violations, notices: [] }),
    );
  };
  const context = (results: Array<{ target: string; projectRoot: string; status?: string; hash?: string }>): PostTasksExecutionContext =>
    ({
      id: 'run',
      workspaceRoot: workspace,
      nxJsonConfiguration: {},
      argv: [],
      startTime: 0,
      endTime: 0,
      taskResults: Object.fromEntries(
        results.map((result, index) => [
          `t${index}`,
          {
            task: {
              id: `t${index}`,
              target: { project: `p${index}`, target: result.target },
              projectRoot: result.projectRoot,
              hash: result.hash,
              overrides: {},
              outputs: [],
              parallelism: true,
            },
            status: result.status ?? 'success',
            code: 0,
          },
        ]),
      ),
    }) as unknown as PostTasksExecutionContext;

  /** What the run printed: its last line, kept off the test output. */
  let printed: string[];

  beforeEach(() => {
    printed = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => printed.push(chunk.toString()) > 0);
    workspace = mkdtempSync(join(tmpdir(), 'nx-enforcer-summary-'));
    writeReport('libs/a', 'libs/a', 1);
    writeReport('libs/b', 'libs/b', 0);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('should end the run with one line: the verdict, warnings of passing projects, files in no project, and the file to read', async () => {
    jest.mocked(readCachedProjectGraph).mockReturnValueOnce({
      nodes: { a: { name: 'a', type: 'lib', data: { root: 'libs/a' } }, b: { name: 'b', type: 'lib', data: { root: 'libs/b' } } },
      dependencies: {},
    } as unknown as ProjectGraph);
    for (const [path, text] of Object.entries({
      'libs/a/src/x.ts': '',
      'tools/release.ts': '',
      'tools/notes.md': '',
      'scripts/a.js': '',
      '.gitignore': 'dist/\n',
      'dist/out.js': '',
    })) {
      mkdirSync(join(workspace, path, '..'), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
    await postTasksExecution(
      undefined,
      context([
        { target: 'enforce', projectRoot: 'libs/a', hash: 'h1' },
        { target: 'enforce', projectRoot: 'libs/b', hash: 'h2' },
      ]),
    );
    // A rerun with the same results reuses the summary, and still says it.
    await postTasksExecution(
      undefined,
      context([
        { target: 'enforce', projectRoot: 'libs/a', hash: 'h1' },
        { target: 'enforce', projectRoot: 'libs/b', hash: 'h2' },
      ]),
    );
    const line =
      'nx-enforcer: BLOCKED: 1 new error, 0 new warnings in 2 projects; 2 source files in no project, not checked. Read .nx-enforcer/summary/BLOCK.md';
    expect(printed.join('')).toBe(`\n${line}\n\n${line}\n`);
    const status = readFileSync(join(workspace, SUMMARY_DIRECTORY, 'STATUS.md'), 'utf8');
    expect(status).toContain('## Source files in no project (not checked)');
    expect(status).toContain('- `scripts/`: 1 file\n- `tools/`: 1 file\n');
    expect(status).not.toContain('dist/');
  });

  it('should merge the reports of the enforce tasks that ran into the summary folder, ignoring other targets', async () => {
    await postTasksExecution(
      undefined,
      context([
        { target: 'enforce', projectRoot: 'libs/a' },
        { target: 'enforce', projectRoot: 'libs/b', status: 'local-cache' },
        { target: 'build', projectRoot: 'libs/not-run' },
      ]),
    );
    const status = readFileSync(join(workspace, SUMMARY_DIRECTORY, 'STATUS.md'), 'utf8');
    expect(status).toContain('**Status: BLOCKED**');
    expect(status).toContain('1 new error, 0 new warnings, 0 historical (baseline), in 2 files of 2 projects.');
    expect(status).not.toContain('not-run');
    expect(existsSync(join(workspace, SUMMARY_DIRECTORY, 'BLOCK.md'))).toBe(true);
    const agentReport = JSON.parse(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'agent-report.json'), 'utf8'));
    expect(agentReport).toMatchObject({
      version: 1,
      status: 'BLOCKED',
      blocking: 1,
      recheckCommand: 'npx nx run-many -t enforce -p libs/a',
      filesToReadFirst: ['libs/a/x.ts'],
    });
    expect(agentReport.nextActions).toEqual([expect.objectContaining({ project: 'libs/a', file: 'libs/a/x.ts', line: 1, rule: 'errors/no-empty-catch' })]);
  });

  it("should give fix commands for the workspace's fixable rules, named after the configured target", async () => {
    mkdirSync(join(workspace, 'tools/rules'), { recursive: true });
    writeFileSync(join(workspace, 'enforcer.config.json'), JSON.stringify({ rulesDirectory: 'tools/rules' }));
    writeFileSync(
      join(workspace, 'tools/rules/quick-fix.js'),
      "module.exports = { id: 'acme/quick-fix', meta: { category: 'errors', defaultSeverity: 'error', docs: { description: " +
        "'d', rationale: 'r' }, messages: { found: 'found: it' }, fixable: 'safe', schema: { type: 'object', " +
        'additionalProperties: false }, defaultOptions: {} }, create: () => ({}) };\n',
    );
    writeReport('libs/a', 'libs/a', 1, 'acme/quick-fix');
    await postTasksExecution({ targetName: 'policy' }, context([{ target: 'policy', projectRoot: 'libs/a' }]));
    const agentReport = JSON.parse(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'agent-report.json'), 'utf8'));
    expect(agentReport.recheckCommand).toBe('npx nx run-many -t policy -p libs/a');
    expect(agentReport.nextActions).toEqual([expect.objectContaining({ rule: 'acme/quick-fix', fixCommand: 'npx nx run libs/a:policy-fix' })]);
    expect(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'BLOCK.md'), 'utf8')).toContain(
      'Automatic fix for `acme/quick-fix`: `npx nx run libs/a:policy-fix`',
    );
  });

  it('should follow the configured target name, and do nothing when no enforce task ran', async () => {
    await postTasksExecution({ targetName: 'policy' }, context([{ target: 'enforce', projectRoot: 'libs/a' }]));
    expect(existsSync(join(workspace, SUMMARY_DIRECTORY))).toBe(false);
    rmSync(join(workspace, outputDirectoryOf('libs/a')), { recursive: true });
    await postTasksExecution({ targetName: 'policy' }, context([{ target: 'policy', projectRoot: 'libs/b' }]));
    expect(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'STATUS.md'), 'utf8')).toContain('**Status: CLEAN**');
  });

  it(
    "should count every other project's latest report, named as not part of this run: an affected run over one project " + "never hides another's error",
    async () => {
      writeReport('libs/not-run', 'libs/not-run', 5);
      await postTasksExecution(undefined, context([{ target: 'enforce', projectRoot: 'libs/b' }]));
      const status = readFileSync(join(workspace, SUMMARY_DIRECTORY, 'STATUS.md'), 'utf8');
      expect(status).toContain('**Status: BLOCKED**');
      expect(status).toContain('6 new errors, 0 new warnings, 0 historical (baseline), in 3 files of 3 projects.');
      expect(status).toContain('## Projects not part of this run\n\nCounted above with their latest result on disk:\n\n- libs/a\n- libs/not-run\n');
      expect(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'BLOCK.md'), 'utf8')).toContain('libs/not-run/x.ts');
      // A project removed from the workspace leaves its folder behind: it counts no more.
      rmSync(join(workspace, 'libs/not-run'), { recursive: true });
      rmSync(join(workspace, outputDirectoryOf('libs/a')), { recursive: true });
      await postTasksExecution(undefined, context([{ target: 'enforce', projectRoot: 'libs/b' }]));
      expect(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'STATUS.md'), 'utf8')).toContain('**Status: CLEAN**');
    },
  );

  it('should name a project whose task failed without writing a report as not checked', async () => {
    rmSync(join(workspace, outputDirectoryOf('libs/a'), 'report.json'));
    await postTasksExecution(
      undefined,
      context([
        { target: 'enforce', projectRoot: 'libs/a', status: 'failure' },
        { target: 'enforce', projectRoot: 'libs/b' },
      ]),
    );
    const agentReport = JSON.parse(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'agent-report.json'), 'utf8'));
    expect(agentReport).toMatchObject({
      status: 'BLOCKED',
      blocking: 0,
      notChecked: [{ report: '.nx-enforcer/projects/libs%2Fa/report.json', reason: 'unreadable' }],
    });
  });

  it('should not rebuild the summary for the same tasks and report files, and rebuild it when a hash or a report changes', async () => {
    const run = (hashA: string) =>
      postTasksExecution(
        undefined,
        context([
          { target: 'enforce', projectRoot: 'libs/a', hash: hashA },
          { target: 'enforce', projectRoot: 'libs/b', hash: 'hb' },
        ]),
      );
    await run('ha');
    const statusFile = join(workspace, SUMMARY_DIRECTORY, 'STATUS.md');
    expect(readFileSync(statusFile, 'utf8')).toContain('1 new error');
    // Every write is a rename onto the file: the same inode means it was not written again.
    const written = statSync(statusFile).ino;
    await run('ha');
    expect(statSync(statusFile).ino).toBe(written);
    // A cache restore writes the same bytes to a new file: nothing to rebuild.
    const report = join(workspace, outputDirectoryOf('libs/a'), 'report.json');
    const bytes = readFileSync(report);
    rmSync(report);
    writeFileSync(report, bytes);
    await run('ha');
    expect(statSync(statusFile).ino).toBe(written);

    await run('ha2');
    expect(statSync(statusFile).ino).not.toBe(written);

    // A report replaced with other content under the same hashes (a hand edit) is read again.
    writeReport('libs/a', 'libs/a', 3);
    await run('ha2');
    expect(readFileSync(statusFile, 'utf8')).toContain('3 new errors');

    // A report that vanished makes the project unchecked.
    rmSync(join(workspace, outputDirectoryOf('libs/a'), 'report.json'));
    await run('ha2');
    expect(readFileSync(statusFile, 'utf8')).toContain('## Reports that could not be read\n\n- .nx-enforcer/projects/libs%2Fa/report.json');

    // A summary written by something else since (enforcer report, a person) is rebuilt.
    writeReport('libs/a', 'libs/a', 3);
    await run('ha2');
    writeFileSync(statusFile, 'edited\n');
    await run('ha2');
    expect(readFileSync(statusFile, 'utf8')).toContain('3 new errors');
  });

  it('should always rebuild when a task has no hash', async () => {
    await postTasksExecution(undefined, context([{ target: 'enforce', projectRoot: 'libs/a' }]));
    writeReport('libs/a', 'libs/a', 2);
    await postTasksExecution(undefined, context([{ target: 'enforce', projectRoot: 'libs/a' }]));
    expect(readFileSync(join(workspace, SUMMARY_DIRECTORY, 'STATUS.md'), 'utf8')).toContain('2 new errors');
  });
});
