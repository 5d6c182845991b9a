import { printable } from '../engine/printable';
import { compareStrings, type ReportedViolation, type RunReport } from '../runner/run-report';
import { plural } from '../service/verdict';

/** Shown in full; the rest is counted, so a huge report stays readable in a pull-request comment. */
export const MARKDOWN_VIOLATION_LIMIT = 200;

/**
 * A Markdown report for pull-request comments and job summaries: status, counts new vs historical
 * per rule, then the new violations with what to change (capped, with a count of the rest). The
 * status is computed on the full list before anything is capped.
 */
export function formatMarkdown(report: RunReport): string {
  const { summary } = report;
  const status = summary.newErrors > 0 ? 'BLOCKED' : summary.newWarnings > 0 ? 'WARNINGS' : 'CLEAN';
  const title = report.project ? `nx-enforcer: ${report.project}` : 'nx-enforcer';
  const lines = [
    `# ${title}`,
    '',
    `**Status: ${status}**: ${plural(summary.newErrors, 'new error')}, ${plural(summary.newWarnings, 'new warning')}, ${summary.historical} ` +
      `historical (baseline), ${plural(summary.filesChecked, 'file')} checked.`,
    '',
  ];

  const byRule = new Map<string, { new: number; historical: number }>();
  for (const violation of report.violations) {
    const counts = byRule.get(violation.ruleId) ?? { new: 0, historical: 0 };
    counts[violation.scope] += 1;
    byRule.set(violation.ruleId, counts);
  }
  if (byRule.size > 0) {
    lines.push('| Rule | New | Historical |', '| --- | ---: | ---: |');
    for (const [ruleId, counts] of [...byRule].sort(([a], [b]) => compareStrings(a, b))) lines.push(`| \`${ruleId}\` | ${counts.new} | ${counts.historical} |`);
    lines.push('');
  }

  const fresh = report.violations.filter((violation) => violation.scope === 'new');
  if (fresh.length > 0) {
    lines.push('## New violations', '', '| Severity | Location | Rule | Message | Fix |', '| --- | --- | --- | --- | --- |');
    for (const violation of fresh.slice(0, MARKDOWN_VIOLATION_LIMIT)) lines.push(row(violation));
    if (fresh.length > MARKDOWN_VIOLATION_LIMIT) lines.push('', `…and ${fresh.length - MARKDOWN_VIOLATION_LIMIT} more (see report.json).`);
    lines.push('');
  }
  if (report.notices.length > 0) {
    lines.push('## Not checked', '');
    for (const notice of report.notices) lines.push(`- ${escapeMarkdown(notice.message)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function row(violation: ReportedViolation): string {
  const where = `\`${escapeMarkdown(violation.file)}:${violation.line}:${violation.column}\``;
  return `| ${violation.severity} | ${where} | \`${violation.ruleId}\` | ${escapeMarkdown(violation.message)} | ${escapeMarkdown(violation.hint ?? '')} |`;
}

/** Table cells break on pipes and newlines; backslash-escape what Markdown would interpret. */
export function escapeMarkdown(text: string): string {
  // Control characters last: a file name's escape sequence must reach no reader's terminal or viewer.
  return printable(text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
}
