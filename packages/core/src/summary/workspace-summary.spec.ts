import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main';
import { builtinRules } from '../rules';
import { reportedViolation, reportOf } from '../reporters/__fixtures__/reports';
import type { RunReport } from '../runner/run-report';
import { findReportFiles } from './find-reports';
import { summariseReports, SUMMARY_LIMITS, writeWorkspaceSummary } from './workspace-summary';

const violation = reportedViolation;
const report = reportOf;

describe('workspace summary', () => {
  let workspace: string;
  const writeReport = (root: string, value: RunReport | string) => {
    mkdirSync(join(workspace, '.nx-enforcer', root), { recursive: true });
    writeFileSync(join(workspace, '.nx-enforcer', root, 'report.json'), typeof value === 'string' ? value : JSON.stringify(value));
  };
  const read = (path: string) => readFileSync(join(workspace, '.nx-enforcer/summary', path), 'utf8');

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-summary-'));
    writeReport('libs/b', report('b', [violation({ file: 'libs/b/x.ts', ruleId: 'errors/no-empty-catch', severity: 'error' }), violation({ file: 'libs/b/x.ts', scope: 'historical' })]));
    writeReport('libs/a', report('a', [violation({}), violation({ line: 2 })]));
    writeReport('libs/broken', '{ not json');
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should merge the reports into exact counts per project and rule, and name unreadable ones', async () => {
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    expect(files.map((file) => file.displayPath)).toEqual(['.nx-enforcer/libs/a/report.json', '.nx-enforcer/libs/b/report.json', '.nx-enforcer/libs/broken/report.json']);
    const { summary } = await summariseReports(files);
    expect(summary.totals).toEqual({ filesChecked: 4, newErrors: 1, newWarnings: 2, historical: 1 });
    expect(summary.projects.map((p) => `${p.project} ${p.newErrors}/${p.newWarnings}/${p.historical}`)).toEqual(['a 0/2/0', 'b 1/0/1']);
    expect(summary.rules).toEqual([
      { ruleId: 'errors/no-empty-catch', newErrors: 1, newWarnings: 0, historical: 0 },
      { ruleId: 'logging/no-console', newErrors: 0, newWarnings: 2, historical: 1 },
    ]);
    expect(summary.worstFiles).toEqual([{ file: 'libs/a/src/a.ts', newViolations: 2 }, { file: 'libs/b/x.ts', newViolations: 1 }]);
    expect(summary.newViolations.map((v) => v.severity)).toEqual(['error', 'warn', 'warn']);
    expect(summary.unreadable).toEqual(['.nx-enforcer/libs/broken/report.json']);
  });

  it('should write STATUS.md, VIOLATIONS.md, workspace.sarif and BLOCK.md while blocked, byte-identical in any input order', async () => {
    const files = await findReportFiles(join(workspace, '.nx-enforcer'), workspace);
    const write = async (order: typeof files) => {
      const { summary, violations } = await summariseReports(order);
      return writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules, recheckCommand: 'npx nx affected -t enforce' });
    };
    expect(await write(files)).toBe('BLOCKED');
    const first = ['STATUS.md', 'VIOLATIONS.md', 'BLOCK.md', 'workspace.sarif'].map(read);
    expect(await write([...files].reverse())).toBe('BLOCKED');
    expect(['STATUS.md', 'VIOLATIONS.md', 'BLOCK.md', 'workspace.sarif'].map(read)).toEqual(first);
    expect(read('STATUS.md')).toContain('**Status: BLOCKED**');
    expect(read('STATUS.md')).toContain('| b | 1 | 0 | 1 | 2 |');
    expect(read('BLOCK.md')).toContain('1. `libs/b/x.ts:1:1` `errors/no-empty-catch`');
    expect(read('BLOCK.md')).toContain('npx nx affected -t enforce');
    expect(read('BLOCK.md')).toContain('1 new error blocks the run.');
    expect(JSON.parse(read('workspace.sarif')).runs[0].results).toHaveLength(4);
    expect(await findReportFiles(join(workspace, '.nx-enforcer'), workspace)).toHaveLength(3);
  });

  it('should remove BLOCK.md once nothing blocks', async () => {
    writeReport('libs/b', report('b', []));
    mkdirSync(join(workspace, '.nx-enforcer/summary'), { recursive: true });
    writeFileSync(join(workspace, '.nx-enforcer/summary/BLOCK.md'), 'stale');
    const { summary, violations } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    expect(await writeWorkspaceSummary({ directory: join(workspace, '.nx-enforcer/summary'), summary, violations, rules: builtinRules, recheckCommand: 'x' })).toBe('WARNINGS');
    expect(existsSync(join(workspace, '.nx-enforcer/summary/BLOCK.md'))).toBe(false);
  });

  it('should cap the listed violations but keep the counts exact', async () => {
    writeReport('libs/a', report('a', Array.from({ length: SUMMARY_LIMITS.violations + 7 }, (_, index) => violation({ line: index + 1, fingerprint: `f${index}` }))));
    const { summary } = await summariseReports(await findReportFiles(join(workspace, '.nx-enforcer'), workspace));
    expect(summary.newViolations).toHaveLength(SUMMARY_LIMITS.violations);
    expect(summary.totalNew).toBe(SUMMARY_LIMITS.violations + 8);
  });

  it('should be available as `enforcer report`, exiting 1 when blocked', async () => {
    let stdout = '';
    const code = await main(['report'], { cwd: workspace, color: false, stdout: (text) => (stdout += text), stderr: () => undefined });
    expect(code).toBe(1);
    expect(stdout).toBe('BLOCKED: 1 new errors, 2 new warnings, 1 historical, 2 projects. Summary in .nx-enforcer/summary/\n');
    expect(existsSync(join(workspace, '.nx-enforcer/summary/STATUS.md'))).toBe(true);
  });
});
