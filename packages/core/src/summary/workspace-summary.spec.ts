import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main';
import { DEFAULT_SESSION_LIMITS } from '../config/defaults';
import { builtinRules } from '../rules';
import { reportedViolation, reportOf } from '../reporters/__fixtures__/reports';
import type { RunReport } from '../runner/run-report';
import { rulesFixing } from './__fixtures__/fixable-rules';
import { findReportFiles } from './find-reports';
import { PROJECTS_FOLDER } from '../output-names';
import { projectFolderName } from './output-layout';
import { summariseReports, SUMMARY_LIMITS, writeWorkspaceSummary } from './workspace-summary';

const violation = reportedViolation;
const report = reportOf;

describe('workspace summary', () => {
  let workspace: string;
  // The layout the Nx plugin writes: .nx-enforcer/projects/<root with / as %2F>/, for a project root that exists.
  const outputOf = (root: string) => join(workspace, '.nx-enforcer', PROJECTS_FOLDER, projectFolderName(root));
  const writeReport = (root: string, value: RunReport | string) => {
    mkdirSync(join(workspace, root), { recursive: true });
    mkdirSync(outputOf(root), { recursive: true });
    writeFileSync(join(outputOf(root), 'report.json'), typeof value === 'string' ? value : JSON.stringify(value));
  };
  const removeOutput = (root: string) => rmSync(outputOf(root), { recursive: true });
  const read = (path: string) => readFileSync(join(workspace, '.nx-enforcer/summary', path), 'utf8');

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-summary-'));
    writeReport(
      'libs/b',
      report('b', [
        violation({ file: 'libs/b/x.ts', ruleId: 'errors/no-empty-catch', severity: 'error' }),
        violation({ file: 'libs/b/x.ts', scope: 'historical' }),
      ]),
    );
    writeReport('libs/a', report('a', [violation({}), violation({ line: 2 })]));
    writeReport('libs/broken', '{ not json');
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should merge the reports into exact counts per project and rule, and name unreadable ones', async () => {
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    expect(files.map((file) => file.displayPath)).toEqual([
      '.nx-enforcer/projects/libs%2Fa/report.json',
      '.nx-enforcer/projects/libs%2Fb/report.json',
      '.nx-enforcer/projects/libs%2Fbroken/report.json',
    ]);
    const { summary } = await summariseReports(files);
    expect(summary.totals).toEqual({ filesChecked: 4, newErrors: 1, newWarnings: 2, historical: 1 });
    expect(summary.projects.map((p) => `${p.project} ${p.newErrors}/${p.newWarnings}/${p.historical}`)).toEqual(['a 0/2/0', 'b 1/0/1']);
    expect(summary.rules).toEqual([
      { ruleId: 'errors/no-empty-catch', newErrors: 1, newWarnings: 0, historical: 0 },
      { ruleId: 'logging/no-console', newErrors: 0, newWarnings: 2, historical: 1 },
    ]);
    expect(summary.worstFiles).toEqual([
      { file: 'libs/a/src/a.ts', newViolations: 2 },
      { file: 'libs/b/x.ts', newViolations: 1 },
    ]);
    expect(summary.newViolations.map((v) => v.severity)).toEqual(['error', 'warn', 'warn']);
    expect(summary.unreadable).toEqual(['.nx-enforcer/projects/libs%2Fbroken/report.json']);
  });

  it('should write STATUS.md, VIOLATIONS.md, workspace.sarif and BLOCK.md while blocked, byte-identical in any input order', async () => {
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    const write = async (order: typeof files) => {
      const { summary, violations } = await summariseReports(order);
      return writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules });
    };
    expect(await write(files)).toBe('BLOCKED');
    const outputs = ['STATUS.md', 'VIOLATIONS.md', 'BLOCK.md', 'workspace.sarif', 'agent-report.json'];
    const first = outputs.map(read);
    expect(await write([...files].reverse())).toBe('BLOCKED');
    expect(outputs.map(read)).toEqual(first);
    expect(read('STATUS.md')).toContain('**Status: BLOCKED**');
    expect(read('STATUS.md')).toContain('| b | 1 | 0 | 1 | 2 |');
    expect(read('BLOCK.md')).toContain('1. `libs/b/x.ts` (project `b`): 1 blocking violation\n   - `libs/b/x.ts:1:1` `errors/no-empty-catch`');
    // A report went unread, so the re-check cannot name the projects: it checks them all.
    expect(read('BLOCK.md')).toContain('npx nx run-many -t enforce\n');
    expect(JSON.parse(read('agent-report.json'))).toMatchObject({ version: 1, status: 'BLOCKED', blocking: 1, filesToReadFirst: ['libs/b/x.ts'] });
    expect(JSON.parse(read('workspace.sarif')).runs[0].results).toHaveLength(4);
    expect(await findReportFiles(join(workspace, '.nx-enforcer'), workspace)).toHaveLength(3);
  });

  it('should block on a project that was not checked: a report that cannot be read, or one a failed task left from an earlier run', async () => {
    writeReport('libs/b', report('b', []));
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    const directory = join(workspace, '.nx-enforcer/summary');
    const broken = await summariseReports(files);
    expect(await writeWorkspaceSummary({ directory, ...broken, rules: builtinRules })).toBe('BLOCKED');
    expect(read('BLOCK.md')).toMatch(/^# Blocked: 1 project not checked\n\n## Not checked\n[^]*- \.nx-enforcer\/projects\/libs%2Fbroken\/report\.json\n/);
    expect(read('BLOCK.md')).not.toContain('## Why');
    removeOutput('libs/broken');
    const readable = files.filter((file) => !file.path.includes('broken'));
    const stale = await summariseReports(readable.map((file) => ({ ...file, failed: file.displayPath.includes('libs%2Fb/') })));
    expect(stale.summary.stale).toEqual(['.nx-enforcer/projects/libs%2Fb/report.json']);
    expect(await writeWorkspaceSummary({ directory, ...stale, rules: builtinRules })).toBe('BLOCKED');
    expect(read('STATUS.md')).toContain('## Tasks that failed before writing a report');
    // A failed task whose report has errors is the report of this run: it blocks for those.
    writeReport('libs/b', report('b', [violation({ file: 'libs/b/x.ts', ruleId: 'errors/no-empty-catch', severity: 'error' })]));
    const fresh = await summariseReports(readable.map((file) => ({ ...file, failed: file.displayPath.includes('libs%2Fb/') })));
    expect(fresh.summary.stale).toEqual([]);
    expect(fresh.summary.totals.newErrors).toBe(1);
  });

  it('should name a project folder without a report (its task failed before writing) and skip folders of projects no longer in the workspace', async () => {
    removeOutput('libs/broken');
    mkdirSync(join(outputOf('libs/failed'), 'x'), { recursive: true });
    mkdirSync(join(workspace, 'libs/failed'), { recursive: true });
    writeReport('libs/removed', report('removed', [violation({ severity: 'error' })]));
    rmSync(join(workspace, 'libs/removed'), { recursive: true });
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    expect(files.map((file) => file.projectRoot)).toEqual(['libs/a', 'libs/b', 'libs/failed']);
    const { summary, violations } = await summariseReports(files);
    expect(summary.unreadable).toEqual(['.nx-enforcer/projects/libs%2Ffailed/report.json']);
    expect(await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules })).toBe('BLOCKED');
    expect(JSON.parse(read('agent-report.json')).notChecked).toEqual([{ report: '.nx-enforcer/projects/libs%2Ffailed/report.json', reason: 'unreadable' }]);
  });

  it('should read reports anywhere in a folder without the projects layout (reports written by `enforcer check --output`)', async () => {
    const folder = join(workspace, 'reports');
    mkdirSync(join(folder, 'one/two'), { recursive: true });
    writeFileSync(join(folder, 'one/two/report.json'), JSON.stringify(report('x', [])));
    mkdirSync(join(folder, 'summary'), { recursive: true });
    writeFileSync(join(folder, 'summary/report.json'), '{}');
    expect((await findReportFiles(folder, workspace)).map((file) => file.displayPath)).toEqual(['reports/one/two/report.json']);
  });

  it('should name the projects counted with their latest report though their task was not part of this run', async () => {
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    const { summary, violations } = await summariseReports(files.map((file) => ({ ...file, rechecked: !file.displayPath.includes('libs%2Fb/') })));
    expect(summary.notRechecked).toEqual(['b']);
    expect(summary.totals.newErrors).toBe(1);
    await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules });
    expect(read('STATUS.md')).toContain('## Projects not part of this run\n\nCounted above with their latest result on disk:\n\n- b\n');
    expect(JSON.parse(read('agent-report.json')).notChecked).toEqual([{ report: '.nx-enforcer/projects/libs%2Fbroken/report.json', reason: 'unreadable' }]);
  });

  it('should remove BLOCK.md once nothing blocks, and still write agent-report.json', async () => {
    writeReport('libs/b', report('b', []));
    removeOutput('libs/broken');
    mkdirSync(join(workspace, '.nx-enforcer/summary'), { recursive: true });
    writeFileSync(join(workspace, '.nx-enforcer/summary/BLOCK.md'), 'stale');
    const { summary, violations } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    expect(await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules })).toBe('WARNINGS');
    expect(existsSync(join(workspace, '.nx-enforcer/summary/BLOCK.md'))).toBe(false);
    expect(JSON.parse(read('agent-report.json'))).toEqual({
      version: 1,
      status: 'WARNINGS',
      blocking: 0,
      recheckCommand: 'npx nx run-many -t enforce',
      filesToReadFirst: [],
      nextActions: [],
      notChecked: [],
    });
  });

  it('should cap the listed violations but keep the counts exact', async () => {
    writeReport(
      'libs/a',
      report(
        'a',
        Array.from({ length: SUMMARY_LIMITS.violations + 7 }, (_, index) => violation({ line: index + 1, fingerprint: `f${index}` })),
      ),
    );
    const { summary } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    expect(summary.newViolations).toHaveLength(SUMMARY_LIMITS.violations);
    expect(summary.totalNew).toBe(SUMMARY_LIMITS.violations + 8);
  });

  it('should say how many violations the reports counted but did not list', async () => {
    writeReport('libs/a', { ...report('a', [violation({})]), unlisted: 250_000 });
    const { summary, violations } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    expect(summary.unlisted).toBe(250_000);
    await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules });
    expect(read('STATUS.md')).toContain('250000 of these violations are not listed in their reports (a report lists at most 100000, new errors first)');
  });

  it('should write BLOCK.md for a reader who knows nothing: what blocks, why, the fix order with hints and fix commands, the re-check', async () => {
    const error = (file: string, line: number, ruleId: string, hint?: string) =>
      violation({
        file,
        line,
        ruleId,
        severity: 'error',
        message: `${ruleId} at ${line}`,
        fingerprint: `${file}:${line}`,
        ...(hint === undefined ? {} : { hint }),
      });
    writeReport(
      'libs/a',
      report('api', [
        error('libs/api/a.ts', 4, 'logging/no-console', 'Use the logger'),
        error('libs/api/a.ts', 2, 'logging/no-console', 'Use the logger'),
        error('libs/api/broken.ts', 1, 'parse-error'),
      ]),
    );
    writeReport(
      'libs/b',
      report('web', [error('libs/web/x.ts', 7, 'errors/no-empty-catch', 'Rethrow | or handle'), violation({ file: 'libs/web/x.ts', line: 9 })]),
    );
    removeOutput('libs/broken');
    const { summary, violations } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    const rules = rulesFixing({ 'logging/no-console': 'safe' });
    expect(await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules })).toBe('BLOCKED');
    const descriptionOf = (ruleId: string) => rules.find((rule) => rule.id === ruleId)?.meta.docs.description;
    expect(read('BLOCK.md')).toBe(
      [
        '# Blocked: 4 blocking violations in 3 files of 2 projects',
        '',
        "nx-enforcer, this workspace's code-policy check, found new errors: every run of the check fails until they are fixed. " +
          'Violations a project accepted in its `enforcer.baseline.json` do not block; these are not in it. Fix the code: ' +
          "suppressing or baselining a violation is for the project's owners to decide.",
        '',
        '## Why',
        '',
        'Each violation breaks one of these rules:',
        '',
        '| Rule | Blocking | What it enforces |',
        '| --- | ---: | --- |',
        `| \`logging/no-console\` | 2 | ${descriptionOf('logging/no-console')} |`,
        `| \`errors/no-empty-catch\` | 1 | ${descriptionOf('errors/no-empty-catch')} |`,
        '| `parse-error` | 1 | The file does not parse, so no rule could check it. |',
        '',
        '## Fix in this order',
        '',
        'Files that do not parse come first (nothing else in them could be checked), then the files with the most blocking violations.',
        '',
        '1. `libs/api/broken.ts` (project `api`): 1 blocking violation',
        '   - `libs/api/broken.ts:1:1` `parse-error`: parse-error at 1',
        '2. `libs/api/a.ts` (project `api`): 2 blocking violations',
        '   - `libs/api/a.ts:2:1` `logging/no-console`: logging/no-console at 2',
        '     Fix: Use the logger',
        '   - `libs/api/a.ts:4:1` `logging/no-console`: logging/no-console at 4',
        '     Fix: Use the logger',
        '   - Automatic fix for `logging/no-console`: `npx nx run api:enforce-fix`',
        '3. `libs/web/x.ts` (project `web`): 1 blocking violation',
        '   - `libs/web/x.ts:7:1` `errors/no-empty-catch`: errors/no-empty-catch at 7',
        '     Fix: Rethrow \\| or handle',
        '',
        '## Then re-check',
        '',
        '```sh',
        'npx nx run-many -t enforce -p api,web',
        '```',
        '',
        'This file is removed once nothing blocks. The complete list, with hints and fix commands, is in `agent-report.json` ' +
          'beside it (JSON, for tools and agents); every new violation, warnings included, is in `VIOLATIONS.md`.',
        '',
      ].join('\n'),
    );
    const agentReport = JSON.parse(read('agent-report.json'));
    expect(agentReport.filesToReadFirst).toEqual(['libs/api/broken.ts', 'libs/api/a.ts', 'libs/web/x.ts']);
    expect(agentReport.nextActions[1]).toEqual({
      project: 'api',
      file: 'libs/api/a.ts',
      line: 2,
      column: 1,
      rule: 'logging/no-console',
      severity: 'error',
      message: 'logging/no-console at 2',
      hint: 'Use the logger',
      fixCommand: 'npx nx run api:enforce-fix',
    });
  });

  it('should cap what BLOCK.md lists, saying how many more and where, with counts from the complete list', async () => {
    const errors = (file: string, count: number) =>
      Array.from({ length: count }, (_, index) => violation({ file, line: index + 1, severity: 'error', fingerprint: `${file}${index}` }));
    writeReport('libs/a', report('a', [...errors('libs/a/many.ts', SUMMARY_LIMITS.blocking + 5), ...errors('libs/a/some.ts', 2)]));
    removeOutput('libs/b');
    const { summary, violations } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules });
    const block = read('BLOCK.md');
    expect(block).toMatch(new RegExp(`^# Blocked: ${SUMMARY_LIMITS.blocking + 7} blocking violations in 2 files of 1 project, 1 project not checked\n`));
    expect(block.match(/^ {3}- `libs\/a\//gm)).toHaveLength(SUMMARY_LIMITS.blocking);
    expect(block).toContain('   - …and 5 more in this file.\n');
    expect(block).not.toContain('some.ts');
    expect(block).toContain('…and 7 more blocking violations in 1 more file: see `agent-report.json` for the complete list.');
    expect(JSON.parse(read('agent-report.json')).nextActions).toHaveLength(SUMMARY_LIMITS.blocking + 7);
  });

  describe('a blocking violation after every display cap', () => {
    // More warnings than any list shows (VIOLATIONS.md, a session shard's per-file cap), all before
    // the one error in path and line order: the status must come from the complete list.
    const warnings = SUMMARY_LIMITS.violations + DEFAULT_SESSION_LIMITS.maxViolationsPerFile + 1;
    beforeEach(() => {
      const many = Array.from({ length: warnings }, (_, index) => violation({ file: 'libs/a/src/a.ts', line: index + 1, fingerprint: `w${index}` }));
      writeReport(
        'libs/a',
        report('a', [
          ...many,
          violation({ file: 'libs/a/src/a.ts', line: warnings + 1, ruleId: 'errors/no-empty-catch', severity: 'error', fingerprint: 'last' }),
        ]),
      );
      writeReport('libs/b', report('b', []));
    });

    it('should still make the summary BLOCKED, list it in BLOCK.md and agent-report.json', async () => {
      const { summary, violations } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
      expect(summary.newViolations.length).toBeLessThan(summary.totalNew);
      expect(await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules })).toBe('BLOCKED');
      expect(read('BLOCK.md')).toContain(`\`libs/a/src/a.ts:${warnings + 1}:1\` \`errors/no-empty-catch\``);
      expect(JSON.parse(read('agent-report.json'))).toMatchObject({
        status: 'BLOCKED',
        blocking: 1,
        nextActions: [{ file: 'libs/a/src/a.ts', line: warnings + 1 }],
      });
    });

    it('should make `enforcer report` exit 1', async () => {
      let stdout = '';
      expect(await main(['report'], { cwd: workspace, color: false, stdout: (text) => (stdout += text), stderr: () => undefined })).toBe(1);
      expect(stdout).toMatch(/^BLOCKED: 1 new error, /);
    });
  });

  it('should be available as `enforcer report`, exiting 1 when blocked', async () => {
    let stdout = '';
    const code = await main(['report'], { cwd: workspace, color: false, stdout: (text) => (stdout += text), stderr: () => undefined });
    expect(code).toBe(1);
    expect(stdout).toBe('BLOCKED: 1 new error, 2 new warnings, 1 historical in 2 projects; passing with warnings: a (2). Read .nx-enforcer/summary/BLOCK.md\n');
    expect(existsSync(join(workspace, '.nx-enforcer/summary/STATUS.md'))).toBe(true);
  });
});
