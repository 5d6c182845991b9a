import { PARSE_ERROR_RULE_ID } from '../engine/lint-source';
import { compareStrings, compareViolations, type ReportedViolation } from '../runner/run-report';

/** A new error, with the project whose report holds it (absent when the report names none, as from the CLI). */
export interface BlockingViolation extends ReportedViolation {
  project?: string;
}

/** One file's blocking violations, in line order. */
export interface FileToFix {
  file: string;
  project?: string;
  violations: BlockingViolation[];
  /** The file does not parse: no rule could check it yet. */
  unparsable: boolean;
}

/**
 * Groups blocking violations by file, in the order to fix them. Files that do not parse come first:
 * no rule could check them, so what else is wrong there is unknown until they parse. Then the files
 * with the most blocking violations: a file is read once and all of its violations fixed in one
 * edit, so the count falls fastest, and many violations in one file often share one cause. Ties by
 * path, so the order is the same on every machine. Within a file: by line, column, rule.
 */
export function inFixOrder(blocking: readonly BlockingViolation[]): FileToFix[] {
  const files = new Map<string, FileToFix>();
  for (const violation of blocking) {
    // Keyed by project too: two projects' reports never share a file, but if they did, each keeps its own fix command.
    const key = `${violation.project ?? ''}\0${violation.file}`;
    let entry = files.get(key);
    if (!entry) {
      entry = { file: violation.file, ...(violation.project === undefined ? {} : { project: violation.project }), violations: [], unparsable: false };
      files.set(key, entry);
    }
    entry.violations.push(violation);
    if (violation.ruleId === PARSE_ERROR_RULE_ID) entry.unparsable = true;
  }
  for (const entry of files.values()) entry.violations.sort(compareViolations);
  return [...files.values()].sort(
    (a, b) =>
      Number(b.unparsable) - Number(a.unparsable) ||
      b.violations.length - a.violations.length ||
      compareStrings(a.file, b.file) ||
      compareStrings(a.project ?? '', b.project ?? ''),
  );
}
