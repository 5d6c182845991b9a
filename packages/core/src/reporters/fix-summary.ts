import type { FixKind } from '../engine/types';
import type { FileFixResult } from '../runner/fix-files';

export interface FixSummaryOptions {
  /** The kinds that were applied: `safe`, or `suggestion` (safe fixes and suggestions). */
  fixType: FixKind;
  /** ANSI colours; callers pass true only when writing to a TTY. */
  color: boolean;
}

const paint = (code: number, enabled: boolean) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * What a fix run did, per file: each fix applied, refused (with the syntax error it would have
 * caused) or skipped (overlapping another; the next run applies it), then one total line. The
 * problems that remain are the report's, printed after this in the chosen format.
 */
export function formatFixSummary(files: readonly FileFixResult[], options: FixSummaryOptions): string {
  const green = paint(32, options.color);
  const red = paint(31, options.color);
  const dim = paint(2, options.color);
  const bold = paint(1, options.color);
  const lines: string[] = [];
  for (const file of files) {
    lines.push(bold(file.file));
    for (const violation of file.applied) lines.push(`  ${green('fixed  ')}  ${dim(`${violation.line}:${violation.column}`.padEnd(8))} ${violation.ruleId}`);
    for (const { violation, reason } of file.refused)
      lines.push(`  ${red('refused')}  ${dim(`${violation.line}:${violation.column}`.padEnd(8))} ${violation.ruleId}  ${reason}`);
    for (const violation of file.skipped)
      lines.push(
        `  ${dim('skipped')}  ${dim(`${violation.line}:${violation.column}`.padEnd(8))} ${violation.ruleId}  ${dim('overlaps another fix; run the fix again')}`,
      );
  }
  const count = (pick: (file: FileFixResult) => number) => files.reduce((sum, file) => sum + pick(file), 0);
  const fixed = count((file) => file.applied.length);
  const changed = files.filter((file) => file.applied.length > 0).length;
  const refused = count((file) => file.refused.length);
  const skipped = count((file) => file.skipped.length);
  const kinds = { safe: 'safe fixes', suggestion: 'safe fixes and suggestions', dangerous: 'safe and dangerous fixes' }[options.fixType];
  if (lines.length > 0) lines.push('');
  lines.push(`Fix (${kinds}): ${fixed} fixed in ${changed} file${changed === 1 ? '' : 's'}, ${refused} refused, ${skipped} skipped.`);
  return `${lines.join('\n')}\n\n`;
}
