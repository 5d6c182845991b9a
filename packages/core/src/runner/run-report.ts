import type { Notice, Violation } from '../engine/types';
import type { FileResult } from './check-files';

/** Version of the `report.json` layout; bump on any incompatible change. */
export const REPORT_VERSION = 1;

/** Everything one run found, in a stable order. This is what reporters format and `report.json` holds. */
export interface RunReport {
  version: typeof REPORT_VERSION;
  /** The Nx project, when run through the plugin. */
  project?: string;
  enforcerVersion: string;
  configHash: string;
  summary: {
    filesChecked: number;
    errors: number;
    warnings: number;
    notices: number;
  };
  violations: Violation[];
  notices: Notice[];
}

export function compareViolations(a: Violation, b: Violation): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

/** Code-unit order, not locale order: the same bytes on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the report from per-file results (in any order). */
export function buildRunReport(results: readonly FileResult[], meta: { project?: string; enforcerVersion: string; configHash: string }): RunReport {
  const violations = results.flatMap((result) => result.violations).sort(compareViolations);
  const notices = results
    .flatMap((result) => result.notices)
    .sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.code, b.code) || compareStrings(a.message, b.message));
  const errors = violations.filter((violation) => violation.severity === 'error').length;
  return {
    version: REPORT_VERSION,
    ...(meta.project !== undefined ? { project: meta.project } : {}),
    enforcerVersion: meta.enforcerVersion,
    configHash: meta.configHash,
    summary: { filesChecked: results.length, errors, warnings: violations.length - errors, notices: notices.length },
    violations,
    notices,
  };
}

/** A run blocks when any violation is an error; computed on the full list, before any display cap. */
export function isBlocking(report: RunReport): boolean {
  return report.summary.errors > 0;
}
