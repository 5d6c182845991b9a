import { printable } from '../engine/printable';
import { compareViolations, type ReportedViolation, type RunReport } from '../runner/run-report';
import { plural } from '../service/verdict';

/**
 * Annotation lines written at most. GitHub shows 10 error and 10 warning annotations per step and
 * 50 per job; lines past that are dropped unseen, and thousands of them only slow the log down.
 */
export const GITHUB_ANNOTATION_LIMIT = 50;

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` line per new violation, which the
 * runner turns into annotations on the pull request's diff. Historical violations are not
 * annotated (the baseline accepted them; flagging them on every pull request is noise). Errors come
 * first so that the cap keeps what blocks; a last plain line gives the totals, for the log reader.
 */
export function formatGithub(report: RunReport): string {
  const fresh = report.violations.filter((violation) => violation.scope === 'new').sort(bySeverityThenPosition);
  const lines = fresh.slice(0, GITHUB_ANNOTATION_LIMIT).map(annotation);
  // From the summary, not the list: the report may list fewer than it found (`unlisted`).
  const { newErrors, newWarnings, historical, filesChecked } = report.summary;
  const notAnnotated = newErrors + newWarnings - lines.length;
  if (notAnnotated > 0) {
    const more = `${notAnnotated} more new violation${notAnnotated === 1 ? ' is' : 's are'}`;
    lines.push(`::notice title=nx-enforcer::${escapeData(`${more} not annotated; see the full report (--format stylish or json, or report.json)`)}`);
  }
  lines.push(summaryLine(newErrors, newWarnings, historical, filesChecked));
  return `${lines.join('\n')}\n`;
}

/** `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=<rule>::<message>%0AFix: <hint>`. */
function annotation(violation: ReportedViolation): string {
  const command = violation.severity === 'error' ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(violation.file)}`,
    `line=${violation.line}`,
    `endLine=${violation.endLine}`,
    `col=${violation.column}`,
    `endColumn=${violation.endColumn}`,
    `title=${escapeProperty(violation.ruleId)}`,
  ].join(',');
  // The hint on its own line of the annotation: what is wrong, then what to type.
  const message = violation.hint ? `${violation.message}\nFix: ${violation.hint}` : violation.message;
  return `::${command} ${properties}::${escapeData(message)}`;
}

/** Plain text, not a command, in stylish's words: the totals are what fails the job, so they must be in the log. */
function summaryLine(errors: number, warnings: number, historical: number, filesChecked: number): string {
  const counts = `${plural(errors, 'new error')}, ${plural(warnings, 'new warning')} in ${plural(filesChecked, 'file')} checked`;
  const accepted = historical > 0 ? `; ${historical} more accepted by the baseline` : '';
  // Nothing checked is not a pass.
  const nothingChecked = filesChecked === 0 ? ': nothing was checked' : '';
  return `nx-enforcer: ${counts}${nothingChecked}${accepted}`;
}

/** What blocks first, so the cap never hides an error behind warnings; then file order. */
function bySeverityThenPosition(a: ReportedViolation, b: ReportedViolation): number {
  return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || compareViolations(a, b);
}

/**
 * A command's message, escaped as GitHub's runner unescapes it (`%`, CR, LF). Control characters
 * are written out first (`printable`), so a message or file name cannot reach the log viewer as a
 * terminal escape sequence; line breaks are kept for the %-escaping, which makes them the
 * annotation's own line breaks.
 */
export function escapeData(text: string): string {
  return printableKeepingLineBreaks(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, and `:` and `,` too, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function printableKeepingLineBreaks(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : printable(part)))
    .join('');
}
