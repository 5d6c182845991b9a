import { compareStrings, type ReportedViolation, type RunReport } from '../runner/run-report';

/**
 * JUnit XML for CI dashboards: a test suite per rule, a test case per file with violations of that
 * rule. A case fails on a new violation, and is skipped when all of its violations are in the
 * baseline.
 */
export function formatJunit(report: RunReport): string {
  const groups = new Map<string, Map<string, ReportedViolation[]>>();
  for (const violation of report.violations) {
    const files = groups.get(violation.ruleId) ?? new Map<string, ReportedViolation[]>();
    files.set(violation.file, [...(files.get(violation.file) ?? []), violation]);
    groups.set(violation.ruleId, files);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [ruleId, files] of [...groups].sort(([a], [b]) => compareStrings(a, b))) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const [file, violations] of [...files].sort(([a], [b]) => compareStrings(a, b))) {
      const fresh = violations.filter((violation) => violation.scope === 'new');
      const body = violations.map(describe).join('\n');
      const head = `    <testcase classname="${xml(ruleId)}" name="${xml(file)}">`;
      if (fresh.length > 0) {
        suiteFailures++;
        const type = fresh.some((violation) => violation.severity === 'error') ? 'error' : 'warning';
        cases.push(
          `${head}\n      <failure message="${xml(`${fresh.length} new violation(s) of ${ruleId}`)}" type="${type}">${xml(body)}</failure>\n    </testcase>`,
        );
      } else {
        cases.push(`${head}\n      <skipped message="accepted by the baseline"/>\n    </testcase>`);
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(ruleId)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const name = report.project ? `nx-enforcer ${report.project}` : 'nx-enforcer';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(name)}" tests="${tests}" failures="${failures}" ` +
    `errors="0">\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`
  );
}

/** One violation per line, its hint on the next: CI dashboards show the failure text as is. */
function describe(violation: ReportedViolation): string {
  const line = `${violation.file}:${violation.line}:${violation.column} ${violation.severity} ${violation.message}`;
  return violation.hint ? `${line}\n  Fix: ${violation.hint}` : line;
}

function xml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five special ones are escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
