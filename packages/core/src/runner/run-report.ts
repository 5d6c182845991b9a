import type { Notice, Rule, Violation } from '../engine/types';
import { compareStrings } from '../json/compare-strings';
import type { Baseline, BaselineEntry } from '../session/baseline';
import type { FileResult } from './check-files';
import type { RunProfile } from './run-profile';

/** Version of the `report.json` layout; bump on any incompatible change. */
export const REPORT_VERSION = 1;

/** `new`: not in the project's baseline, counts towards failing; `historical`: accepted by it. */
export type ViolationScope = 'new' | 'historical';

export interface ReportedViolation extends Violation {
  scope: ViolationScope;
}

/** Everything one run found, in a stable order. This is what reporters format and `report.json` holds. */
export interface RunReport {
  version: typeof REPORT_VERSION;
  /** The Nx project, when run through the plugin. */
  project?: string;
  enforcerVersion: string;
  configHash: string;
  summary: {
    filesChecked: number;
    /** All errors and warnings, new and historical. */
    errors: number;
    warnings: number;
    /** Only these fail a run. */
    newErrors: number;
    newWarnings: number;
    /** Violations the baseline accepts. */
    historical: number;
    notices: number;
  };
  /**
   * At most `REPORT_VIOLATION_LIMIT`, sorted by file and position: new errors are listed first, then
   * new warnings, then historical ones; `unlisted` counts the rest. The summary's counts are exact.
   */
  violations: ReportedViolation[];
  /** Violations found but not listed (past `REPORT_VIOLATION_LIMIT`); absent when every one is listed. */
  unlisted?: number;
  notices: Notice[];
  /**
   * Per rule that ran, by id: the files it checked, and for rules that count (`meta.coverage`) what
   * they examined and what they could not verify. A rule that examined nothing shows as 0, not as a pass.
   */
  coverage?: RuleCoverage[];
  /** Present when the project has a baseline: its size and the entries no longer found (fixed). */
  baseline?: { entries: number; fixed: BaselineEntry[] };
  /** Only from a run with `--profile`: timings and memory, machine data by nature. */
  profile?: RunProfile;
}

export interface RuleCoverage {
  ruleId: string;
  files: number;
  examined?: number;
  couldNotVerify?: number;
}

/** The ids of the rules that count what they examine (`meta.coverage`). */
export function countingRuleIds(rules: readonly Rule[]): Set<string> {
  return new Set(rules.filter((rule) => rule.meta.coverage !== undefined).map((rule) => rule.id));
}

/** Sums the per-file counts; rules that count (`countingRules`) get `examined` even where it is 0. */
export function coverageOf(results: readonly FileResult[], countingRules: ReadonlySet<string> = new Set()): RuleCoverage[] {
  const coverage = new CoverageTally(countingRules);
  for (const result of results) coverage.add(result);
  return coverage.finish();
}

/** Per-rule coverage summed one file at a time (see `coverageOf`). */
class CoverageTally {
  private readonly byRule = new Map<string, RuleCoverage>();

  constructor(private readonly countingRules: ReadonlySet<string>) {}

  add(result: Pick<FileResult, 'rules' | 'coverage'>): void {
    for (const ruleId of result.rules) this.entry(ruleId).files++;
    for (const [ruleId, [examined, couldNotVerify]] of Object.entries(result.coverage ?? {})) {
      const coverage = this.entry(ruleId);
      coverage.examined = (coverage.examined ?? 0) + examined;
      coverage.couldNotVerify = (coverage.couldNotVerify ?? 0) + couldNotVerify;
    }
  }

  finish(): RuleCoverage[] {
    return [...this.byRule.values()].sort((a, b) => compareStrings(a.ruleId, b.ruleId));
  }

  private entry(ruleId: string): RuleCoverage {
    let coverage = this.byRule.get(ruleId);
    if (!coverage) {
      coverage = this.countingRules.has(ruleId) ? { ruleId, files: 0, examined: 0, couldNotVerify: 0 } : { ruleId, files: 0 };
      this.byRule.set(ruleId, coverage);
    }
    return coverage;
  }
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

export { compareStrings };

/**
 * Violations a report lists at most. A report is one JSON string when written: past about 1.3
 * million violations it exceeds the longest string V8 can build and the run died with no report.
 * 100,000 is the session shard's default limit too; the counts stay exact whatever is listed.
 */
export const REPORT_VIOLATION_LIMIT = 100_000;

export interface RunReportMeta {
  project?: string;
  enforcerVersion: string;
  configHash: string;
  baseline?: Baseline;
  countingRules?: ReadonlySet<string>;
  violationLimit?: number;
}

/** Builds the report from per-file results (in any order), classifying violations against the baseline. */
export function buildRunReport(results: readonly FileResult[], meta: RunReportMeta): RunReport {
  const report = new RunReportBuilder(meta.countingRules);
  for (const result of results) report.add(result);
  return report.finish(meta);
}

/**
 * The report built one file's result at a time, in any order: it keeps the violations and notices
 * (what the report lists) and counts, never the results, so a run need not hold every file's result.
 */
export class RunReportBuilder {
  private readonly found: ReportedViolation[] = [];
  private readonly notices: Notice[] = [];
  private readonly coverage: CoverageTally;
  private filesChecked = 0;

  constructor(countingRules: ReadonlySet<string> = new Set()) {
    this.coverage = new CoverageTally(countingRules);
  }

  add(result: FileResult): void {
    this.filesChecked++;
    // The scope is settled against the baseline when the report is finished.
    for (const violation of result.violations) this.found.push({ ...violation, scope: 'new' });
    for (const notice of result.notices) this.notices.push(notice);
    this.coverage.add(result);
  }

  /** Every violation added so far (a baseline update takes them all). */
  get violations(): readonly Violation[] {
    return this.found;
  }

  /** `countingRules` were given to the constructor. */
  finish(meta: Omit<RunReportMeta, 'countingRules'>): RunReport {
    const violations = this.found.sort(compareViolations);
    const comparison = meta.baseline?.compare(violations);
    for (const violation of violations) violation.scope = comparison?.historical.has(violation.fingerprint) ? 'historical' : 'new';
    const notices = this.notices.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.code, b.code) || compareStrings(a.message, b.message));
    const count = (severity: 'error' | 'warn', scope?: ViolationScope) =>
      violations.filter((violation) => violation.severity === severity && (scope === undefined || violation.scope === scope)).length;
    return {
      version: REPORT_VERSION,
      ...(meta.project !== undefined ? { project: meta.project } : {}),
      enforcerVersion: meta.enforcerVersion,
      configHash: meta.configHash,
      summary: {
        filesChecked: this.filesChecked,
        errors: count('error'),
        warnings: count('warn'),
        newErrors: count('error', 'new'),
        newWarnings: count('warn', 'new'),
        historical: violations.filter((violation) => violation.scope === 'historical').length,
        notices: notices.length,
      },
      ...listed(violations, meta.violationLimit ?? REPORT_VIOLATION_LIMIT),
      notices,
      coverage: this.coverage.finish(),
      ...(meta.baseline && comparison ? { baseline: { entries: meta.baseline.entries.length, fixed: comparison.fixed } } : {}),
    };
  }
}

/** The violations a report lists: what blocks first (new errors), then new warnings, then historical ones; in file order. */
function listed(violations: ReportedViolation[], limit: number): { violations: ReportedViolation[]; unlisted?: number } {
  if (violations.length <= limit) return { violations };
  const rank = (violation: ReportedViolation) => (violation.scope === 'historical' ? 2 : violation.severity === 'error' ? 0 : 1);
  const kept = violations
    .map((violation, index) => ({ violation, index }))
    .sort((a, b) => rank(a.violation) - rank(b.violation) || a.index - b.index)
    .slice(0, limit);
  return { violations: kept.sort((a, b) => a.index - b.index).map((entry) => entry.violation), unlisted: violations.length - limit };
}

/** A run blocks when a new violation is an error; computed on the full list, before any display cap. */
export function isBlocking(report: RunReport): boolean {
  return report.summary.newErrors > 0;
}
