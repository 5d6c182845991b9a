import type { Rule, Severity } from '../engine/types';
import { fixCommandOf, fixKindsOf, type CommandStyle } from './fix-command';
import { compareStrings } from '../runner/run-report';
import { inFixOrder } from './fix-order';
import type { SummaryStatus, WorkspaceSummary } from './summary-types';

/** Version of the `agent-report.json` layout (`schema/agent-report.schema.json`); bump on any incompatible change. */
export const AGENT_REPORT_VERSION = 1;

/** One blocking violation to fix, with what to change and, when its rule can fix it, the command that does. */
export interface NextAction {
  /** Absent when the project's report names no project. */
  project?: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  fixCommand?: string;
}

/** The summary for a coding agent: what blocks, in the order to fix it, and how to check again. */
export interface AgentReport {
  version: typeof AGENT_REPORT_VERSION;
  status: SummaryStatus;
  /** Every blocking violation of the run, whatever any list shows. */
  blocking: number;
  recheckCommand: string;
  /** The files with blocking violations, in fix order. */
  filesToReadFirst: string[];
  /** One per blocking violation, complete, in fix order (see `inFixOrder`). */
  nextActions: NextAction[];
  /**
   * Reports that say nothing of the code as it is (BLOCKED even with no blocking violation): the
   * report could not be read, or the project's task failed before writing one (a config error, a
   * crash). Run the recheck command and read that task's error.
   */
  notChecked: Array<{ report: string; reason: 'unreadable' | 'failed-before-writing' }>;
}

/**
 * Builds the agent report from the merged summary. Nothing is capped: an agent that fixes only what
 * it is shown would stop early and be blocked again, so it gets every blocking violation.
 */
export function buildAgentReport(input: {
  summary: WorkspaceSummary;
  status: SummaryStatus;
  rules: readonly Rule[];
  recheckCommand: string;
  commands?: CommandStyle;
}): AgentReport {
  const fixKinds = fixKindsOf(input.rules);
  const files = inFixOrder(input.summary.blocking);
  const nextActions = files.flatMap((entry) =>
    entry.violations.map((violation): NextAction => {
      const kind = fixKinds.get(violation.ruleId);
      return {
        ...(violation.project === undefined ? {} : { project: violation.project }),
        file: violation.file,
        line: violation.line,
        column: violation.column,
        rule: violation.ruleId,
        severity: violation.severity,
        message: violation.message,
        ...(violation.hint === undefined ? {} : { hint: violation.hint }),
        ...(kind === undefined ? {} : { fixCommand: fixCommandOf(kind, violation, input.commands) }),
      };
    }),
  );
  return {
    version: AGENT_REPORT_VERSION,
    status: input.status,
    blocking: input.summary.totals.newErrors,
    recheckCommand: input.recheckCommand,
    filesToReadFirst: [...new Set(files.map((entry) => entry.file))],
    nextActions,
    notChecked: [
      ...input.summary.unreadable.map((report) => ({ report, reason: 'unreadable' as const })),
      ...input.summary.stale.map((report) => ({ report, reason: 'failed-before-writing' as const })),
    ].sort((a, b) => compareStrings(a.report, b.report)),
  };
}

/**
 * The report as JSON with a trailing newline. Keys keep the order they are built in (status before
 * the long lists, for a reader who stops early); that order is fixed, so the bytes are deterministic.
 */
export function formatAgentReport(report: AgentReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
