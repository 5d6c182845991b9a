import type { Violation } from '../engine/types';
import { Baseline } from '../session/baseline';
import { buildRunReport, isBlocking } from './run-report';

const found = (line: number, severity: 'error' | 'warn'): Violation => ({
  ruleId: 'logging/no-console',
  severity,
  file: 'src/a.ts',
  line,
  column: 1,
  endLine: line,
  endColumn: 2,
  message: `m${line}`,
  fingerprint: `f${line}`,
  messageId: 'unexpected',
});

describe('buildRunReport', () => {
  // Lines 1-2 are accepted by the baseline, 3-4 are new warnings, 5 is the one new error, last in file order.
  const violations = [found(5, 'error'), found(4, 'warn'), found(3, 'warn'), found(2, 'error'), found(1, 'warn')];
  const baseline = Baseline.fromViolations([found(1, 'warn'), found(2, 'error')]);
  const build = (violationLimit?: number) =>
    buildRunReport([{ file: 'src/a.ts', violations, notices: [], rules: ['logging/no-console'] }], {
      enforcerVersion: '0',
      configHash: 'h',
      baseline,
      violationLimit,
    });

  it('should list every violation in file order when under the limit, with no unlisted count', () => {
    const report = build();
    expect(report.violations.map((v) => `${v.line} ${v.scope}`)).toEqual(['1 historical', '2 historical', '3 new', '4 new', '5 new']);
    expect(report.unlisted).toBeUndefined();
  });

  it('should list at most the limit, new errors first, then new warnings, then historical, with exact counts', () => {
    const report = build(2);
    expect(report.violations.map((v) => `${v.line} ${v.severity} ${v.scope}`)).toEqual(['3 warn new', '5 error new']);
    expect(report.unlisted).toBe(3);
    expect(report.summary).toMatchObject({ errors: 2, warnings: 3, newErrors: 1, newWarnings: 2, historical: 2 });
    expect(isBlocking(report)).toBe(true);
    expect(build(1).violations.map((v) => v.line)).toEqual([5]);
    expect(build(0)).toMatchObject({ violations: [], unlisted: 5, summary: { newErrors: 1 } });
  });
});
