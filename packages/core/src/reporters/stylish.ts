import { printable } from '../engine/printable';
import type { Rule } from '../engine/types';
import type { RuleCoverage, RunReport } from '../runner/run-report';
import { plural } from '../service/verdict';

export interface StylishOptions {
  /** ANSI colours; callers pass true only when writing to a TTY. */
  color: boolean;
  /** The run's rules, for the units of the coverage line (`meta.coverage`). */
  rules?: readonly Rule[];
}

/** Two spaces, the eight-wide position column and its separator. */
const HINT_INDENT = ' '.repeat(11);

const paint = (code: number, enabled: boolean) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * Terminal output grouped by file: `line:column  severity  message  rule`, with the fix hint on a
 * dimmed line below, then skipped-file notices and a one-line total. Paths are relative, so output
 * replayed from a cache is the same on every machine.
 */
export function formatStylish(report: RunReport, options: StylishOptions): string {
  const red = paint(31, options.color);
  const yellow = paint(33, options.color);
  const dim = paint(2, options.color);
  const bold = paint(1, options.color);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const violation of report.violations) {
    if (violation.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = violation.file;
      lines.push(bold(printable(violation.file)));
    }
    const severity =
      violation.scope === 'historical'
        ? dim(violation.severity === 'error' ? 'error' : 'warn ')
        : violation.severity === 'error'
          ? red('error')
          : yellow('warn ');
    const accepted = violation.scope === 'historical' ? `  ${dim('(baseline)')}` : '';
    lines.push(`  ${dim(`${violation.line}:${violation.column}`.padEnd(8))} ${severity}  ${violation.message}  ${dim(violation.ruleId)}${accepted}`);
    // Under the severity column, so the eye goes from what is wrong to what to type.
    if (violation.hint) lines.push(`${HINT_INDENT}${dim(`↳ ${violation.hint}`)}`);
  }
  if (report.notices.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(bold('Not checked, or checked by the security rules only:'));
    for (const line of noticeLines(report.notices)) lines.push(`  ${printable(line)}`);
  }
  const { newErrors: errors, newWarnings: warnings, historical, filesChecked } = report.summary;
  if (lines.length > 0) lines.push('');
  const total = errors + warnings;
  const accepted = historical > 0 ? `; ${historical} more accepted by the baseline` : '';
  const fixed =
    report.baseline && report.baseline.fixed.length > 0
      ? `; ${report.baseline.fixed.length} baseline entr${report.baseline.fixed.length === 1 ? 'y' : 'ies'} fixed (run --update-baseline to drop them)`
      : '';
  const counts = `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const summary = `${counts}${accepted} in ${plural(filesChecked, 'file')} checked${fixed}`;
  // Nothing checked is not a pass: say so instead of a green tick.
  const nothingChecked = filesChecked === 0 ? ': nothing was checked' : '';
  lines.push(errors > 0 ? red(`✖ ${summary}`) : total > 0 || filesChecked === 0 ? yellow(`⚠ ${summary}${nothingChecked}`) : `✔ ${summary}`);
  const coverage = coverageLine(report.coverage ?? [], options.rules ?? []);
  if (coverage) lines.push(dim(coverage));
  return `${lines.join('\n')}\n`;
}

/** Files listed per group before "and N more": a bundle folder must not flood the terminal. */
const GROUPED_FILES_SHOWN = 5;

/**
 * Each notice on its own line, except generated, minified and vendored files: one line per kind
 * that lists them (report.json keeps one notice per file).
 */
export function noticeLines(notices: RunReport['notices']): string[] {
  const grouped = new Map<string, string[]>();
  const lines: string[] = [];
  for (const notice of notices) {
    if (notice.code === 'generated' || notice.code === 'minified' || notice.code === 'vendored') {
      const files = grouped.get(notice.code);
      if (files) files.push(notice.file);
      else grouped.set(notice.code, [notice.file]);
    } else {
      lines.push(notice.message);
    }
  }
  for (const [code, files] of grouped) {
    const shown = files.slice(0, GROUPED_FILES_SHOWN).join(', ');
    const more = files.length > GROUPED_FILES_SHOWN ? `, and ${files.length - GROUPED_FILES_SHOWN} more` : '';
    lines.push(`${files.length} ${code} file${files.length === 1 ? '' : 's'}, checked by the security rules only: ${shown}${more}`);
  }
  return lines;
}

/**
 * `Examined: errors/no-empty-catch 33 catch clauses, logging/no-console 0 console references …`:
 * what each counting rule looked at, so a pass over nothing is told apart from a pass over much.
 */
export function coverageLine(coverage: readonly RuleCoverage[], rules: readonly Rule[]): string | undefined {
  const units = new Map(rules.map((rule) => [rule.id, rule.meta.coverage?.unit]));
  const parts = coverage
    .filter((entry) => entry.examined !== undefined && units.get(entry.ruleId) !== undefined)
    .map(
      (entry) =>
        `${entry.ruleId} ${entry.examined} ${units.get(entry.ruleId)}${entry.couldNotVerify ? ` (${entry.couldNotVerify} could not be verified)` : ''}`,
    );
  return parts.length > 0 ? `Examined: ${parts.join(', ')}` : undefined;
}
