import type { ReportedViolation } from '../runner/run-report';
import type { OutsideProjects } from '../runner/outside-projects';
import type { BlockingViolation } from './fix-order';

export interface Counts {
  newErrors: number;
  newWarnings: number;
  historical: number;
}

/** The merged picture of the projects that ran: exact counts, capped lists. */
export interface WorkspaceSummary {
  projects: Array<{ project: string; filesChecked: number } & Counts>;
  rules: Array<{ ruleId: string } & Counts>;
  worstFiles: Array<{ file: string; newViolations: number }>;
  /** New violations, errors first (capped at SUMMARY_LIMITS.violations). */
  newViolations: ReportedViolation[];
  totalNew: number;
  /** Every new error with its project, never capped: what BLOCK.md and agent-report.json are built from. */
  blocking: BlockingViolation[];
  totals: Counts & { filesChecked: number };
  /** Reports that could not be read: named, never silently dropped. */
  unreadable: string[];
  /**
   * Reports of tasks that failed although the report has no new finding: left by an earlier run
   * (the task failed before writing, on a config error or a crash), so the project was not checked now.
   */
  stale: string[];
  /**
   * Projects whose latest report on disk is counted though their task was not part of this run
   * (`nx affected` over others): named, so a reader knows the result is not from now.
   */
  notRechecked: string[];
  /** Violations counted in the totals but not listed by their reports (a report lists at most `REPORT_VIOLATION_LIMIT`). */
  unlisted: number;
  /** Source files in no project, per top folder: no target checks them (set by the caller that knows the projects). */
  outsideProjects?: OutsideProjects[];
}

export type SummaryStatus = 'BLOCKED' | 'WARNINGS' | 'CLEAN';
