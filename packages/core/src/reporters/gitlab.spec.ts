import { createHash } from 'node:crypto';
import type { ReportedViolation } from '../runner/run-report';
import { reportedViolation, reportOf } from './__fixtures__/reports';
import { fingerprintOf, formatGitlab, type GitlabCodeQualityIssue } from './gitlab';

const report = (violations: ReportedViolation[]) => reportOf('lib-a', violations, 3);
const issuesOf = (violations: ReportedViolation[]) => JSON.parse(formatGitlab(report(violations))) as GitlabCodeQualityIssue[];

describe('GitLab Code Quality reporter', () => {
  it('should give one issue per violation, new and historical, with exactly the fields GitLab reads', () => {
    const issues = issuesOf([
      reportedViolation({ file: 'src/b.ts', line: 2, endLine: 3, scope: 'historical', fingerprint: 'fb' }),
      reportedViolation({
        ruleId: 'errors/no-empty-catch',
        severity: 'error',
        file: 'src/a.ts',
        line: 4,
        endLine: 4,
        message: 'Empty catch block.',
        hint: 'Handle it.',
        fingerprint: 'fa',
      }),
    ]);
    expect(issues).toHaveLength(2);
    const [error, warning] = issues;
    expect(Object.keys(error)).toEqual(['type', 'description', 'check_name', 'fingerprint', 'severity', 'location']);
    expect(error.type).toBe('issue');
    expect(error.description).toBe('Empty catch block.');
    expect(error.check_name).toBe('errors/no-empty-catch');
    expect(error.fingerprint).toBe(createHash('sha256').update('errors/no-empty-catch\0src/a.ts\0fa').digest('hex'));
    expect(error.severity).toBe('major');
    expect(error.location).toEqual({ path: 'src/a.ts', lines: { begin: 4, end: 4 } });
    // Historical too: GitLab diffs against the target branch's report; nothing marks the scope.
    expect(warning).toEqual({
      type: 'issue',
      description: 'Unexpected console.log(): log through the project logger instead.',
      check_name: 'logging/no-console',
      fingerprint: fingerprintOf({ ruleId: 'logging/no-console', file: 'src/b.ts', fingerprint: 'fb' }),
      severity: 'minor',
      location: { path: 'src/b.ts', lines: { begin: 2, end: 3 } },
    });
    expect(warning.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should be pretty-printed with two spaces and a trailing newline, and an empty array when clean', () => {
    expect(formatGitlab(report([]))).toBe('[]\n');
    const text = formatGitlab(report([reportedViolation()]));
    expect(text).toMatch(/^\[\n {2}\{\n {4}"type": "issue",\n/);
    expect(text.endsWith('\n  }\n]\n')).toBe(true);
  });

  it('should sort by file, line, column and rule, whatever the report order', () => {
    const violations = [
      reportedViolation({ file: 'src/b.ts', line: 1, fingerprint: '1' }),
      reportedViolation({ file: 'src/a.ts', line: 5, column: 9, fingerprint: '2' }),
      reportedViolation({ file: 'src/a.ts', line: 5, column: 2, ruleId: 'typescript/no-ts-ignore', fingerprint: '3' }),
      reportedViolation({ file: 'src/a.ts', line: 5, column: 2, ruleId: 'errors/no-empty-catch', fingerprint: '4' }),
    ];
    const order = (issues: GitlabCodeQualityIssue[]) => issues.map((issue) => `${issue.location.path}:${issue.location.lines.begin} ${issue.check_name}`);
    expect(order(issuesOf(violations))).toEqual([
      'src/a.ts:5 errors/no-empty-catch',
      'src/a.ts:5 typescript/no-ts-ignore',
      'src/a.ts:5 logging/no-console',
      'src/b.ts:1 logging/no-console',
    ]);
    expect(formatGitlab(report([...violations].reverse()))).toBe(formatGitlab(report(violations)));
  });

  it('should keep fingerprints stable: across runs, and when the violation moves to another line', () => {
    const violation = reportedViolation({ line: 3, endLine: 3, fingerprint: 'same-line-text' });
    expect(formatGitlab(report([violation]))).toBe(formatGitlab(report([{ ...violation }])));
    const [before] = issuesOf([violation]);
    const [after] = issuesOf([{ ...violation, line: 30, endLine: 30 }]);
    expect(after.location.lines.begin).toBe(30);
    expect(after.fingerprint).toBe(before.fingerprint);
    // Another rule or file on the same enforcer fingerprint is another issue.
    expect(issuesOf([{ ...violation, ruleId: 'errors/no-empty-catch' }])[0].fingerprint).not.toBe(before.fingerprint);
    expect(issuesOf([{ ...violation, file: 'src/other.ts' }])[0].fingerprint).not.toBe(before.fingerprint);
  });

  it('should make fingerprints unique when violations would collide, deterministically and keeping the first one plain', () => {
    const duplicate = reportedViolation({ fingerprint: 'dup' });
    const violations = [duplicate, { ...duplicate, line: 2 }, { ...duplicate, line: 3 }, reportedViolation({ fingerprint: 'other', line: 4 })];
    const issues = issuesOf(violations);
    const fingerprints = issues.map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(4);
    expect(fingerprints[0]).toBe(fingerprintOf(duplicate));
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(issuesOf(violations).map((issue) => issue.fingerprint)).toEqual(fingerprints);
  });

  it('should write out control characters in the description, and hold no absolute path or timestamp', () => {
    const text = formatGitlab(report([reportedViolation({ message: 'bad \u001b[2J\u009b31m' })]));
    expect(JSON.parse(text)[0].description).toBe('bad \\x1b[2J\\x9b31m');
    expect(text).not.toContain('\u009b');
    expect(text).not.toMatch(/"\/|\d{4}-\d{2}-\d{2}T/);
  });
});
