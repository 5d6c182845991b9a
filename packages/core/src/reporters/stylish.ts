import type { RunReport } from '../runner/run-report';

export interface StylishOptions {
  /** ANSI colours; callers pass true only when writing to a TTY. */
  color: boolean;
}

const paint = (code: number, enabled: boolean) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * Terminal output grouped by file: `line:column  severity  message  rule`, then skipped-file
 * notices and a one-line total. Paths are relative, so output replayed from a cache is the same on
 * every machine.
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
      lines.push(bold(violation.file));
    }
    const severity = violation.severity === 'error' ? red('error') : yellow('warn ');
    lines.push(`  ${dim(`${violation.line}:${violation.column}`.padEnd(8))} ${severity}  ${violation.message}  ${dim(violation.ruleId)}`);
  }
  if (report.notices.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(bold('Not checked:'));
    for (const notice of report.notices) lines.push(`  ${notice.message}`);
  }
  const { errors, warnings, filesChecked } = report.summary;
  if (lines.length > 0) lines.push('');
  const total = errors + warnings;
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
  lines.push(errors > 0 ? red(`✖ ${summary}`) : total > 0 ? yellow(`⚠ ${summary}`) : `✔ ${summary}`);
  return `${lines.join('\n')}\n`;
}
