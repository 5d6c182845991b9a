import type { ReportedViolation, RunReport } from '../../runner/run-report';

/** A new `logging/no-console` warning in `libs/a/src/a.ts`, with the given fields replaced. */
export function reportedViolation(overrides: Partial<ReportedViolation> = {}): ReportedViolation {
  return {
    ruleId: 'logging/no-console',
    messageId: 'unexpected',
    severity: 'warn',
    file: 'libs/a/src/a.ts',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    message: 'Unexpected console.log(): log through the project logger instead.',
    fingerprint: 'f',
    scope: 'new',
    ...overrides,
  };
}

/** A project's report over these violations, with the summary counted from them. */
export function reportOf(project: string, violations: ReportedViolation[], filesChecked = 2): RunReport {
  const count = (severity: ReportedViolation['severity'], scope?: ReportedViolation['scope']) =>
    violations.filter((v) => v.severity === severity && (scope === undefined || v.scope === scope)).length;
  return {
    version: 1,
    project,
    enforcerVersion: '0.0.0',
    configHash: 'h',
    summary: {
      filesChecked,
      errors: count('error'),
      warnings: count('warn'),
      newErrors: count('error', 'new'),
      newWarnings: count('warn', 'new'),
      historical: violations.filter((v) => v.scope === 'historical').length,
      notices: 0,
    },
    violations,
    notices: [],
  };
}
