import { createHash } from 'node:crypto';
import type { Notice } from '../engine/types';
import { compareStrings, compareViolations, REPORT_VERSION, type RuleCoverage, type RunReport } from '../runner/run-report';
import { ENFORCER_VERSION } from '../version';

/**
 * One report from the reports of several projects' runs (the CLI over a workspace of projects):
 * counts summed, violations and notices in the one file order, coverage summed per rule. Each
 * project's own violations were already classified against its own baseline.
 */
export function mergeRunReports(reports: readonly RunReport[], extraNotices: readonly Notice[] = []): RunReport {
  const sum = (pick: (report: RunReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  const notices = [...reports.flatMap((report) => report.notices), ...extraNotices].sort(
    (a, b) => compareStrings(a.file, b.file) || compareStrings(a.code, b.code) || compareStrings(a.message, b.message),
  );
  const coverage = new Map<string, RuleCoverage>();
  for (const entry of reports.flatMap((report) => report.coverage ?? [])) {
    const merged = coverage.get(entry.ruleId);
    if (!merged) {
      coverage.set(entry.ruleId, { ...entry });
      continue;
    }
    merged.files += entry.files;
    if (entry.examined !== undefined) merged.examined = (merged.examined ?? 0) + entry.examined;
    if (entry.couldNotVerify !== undefined) merged.couldNotVerify = (merged.couldNotVerify ?? 0) + entry.couldNotVerify;
  }
  const baselines = reports.filter((report) => report.baseline !== undefined);
  const unlisted = sum((report) => report.unlisted ?? 0);
  const configHashes = [...new Set(reports.map((report) => report.configHash))];
  return {
    version: REPORT_VERSION,
    enforcerVersion: ENFORCER_VERSION,
    configHash: configHashes.length === 1 ? configHashes[0] : createHash('sha256').update(configHashes.sort().join('\n')).digest('hex'),
    summary: {
      filesChecked: sum((report) => report.summary.filesChecked),
      errors: sum((report) => report.summary.errors),
      warnings: sum((report) => report.summary.warnings),
      newErrors: sum((report) => report.summary.newErrors),
      newWarnings: sum((report) => report.summary.newWarnings),
      historical: sum((report) => report.summary.historical),
      notices: notices.length,
    },
    violations: reports.flatMap((report) => report.violations).sort(compareViolations),
    ...(unlisted > 0 ? { unlisted } : {}),
    notices,
    coverage: [...coverage.values()].sort((a, b) => compareStrings(a.ruleId, b.ruleId)),
    ...(baselines.length > 0
      ? {
          baseline: {
            entries: baselines.reduce((total, report) => total + (report.baseline?.entries ?? 0), 0),
            fixed: baselines.flatMap((report) => report.baseline?.fixed ?? []),
          },
        }
      : {}),
  };
}
