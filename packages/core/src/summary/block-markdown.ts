import { PARSE_ERROR_RULE_ID } from '../engine/lint-source';
import type { FixKind, Rule } from '../engine/types';
import { AGENT_REPORT_FILE, VIOLATIONS_FILE } from '../output-names';
import { escapeMarkdown } from '../reporters/markdown';
import { compareStrings } from '../runner/run-report';
import { UNCHECKED_FILE_RULE_ID } from '../runner/unchecked-files';
import { fixCommandOf, fixKindsOf, type CommandStyle } from './fix-command';
import { inFixOrder, type FileToFix } from './fix-order';
import { SUMMARY_LIMITS } from './summary-limits';
import { uncheckedReports } from './unchecked-reports';
import type { WorkspaceSummary } from './summary-types';

/** What the engine's own findings check, for the "Why" table (no rule describes them). */
const ENGINE_FINDINGS: Readonly<Record<string, string>> = {
  [PARSE_ERROR_RULE_ID]: 'The file does not parse, so no rule could check it.',
  [UNCHECKED_FILE_RULE_ID]: 'The file could not be checked (too large, binary, not UTF-8, unreadable), or a rule failed on it: it must not pass as clean.',
};

/**
 * BLOCK.md, for a person or an agent who opens it knowing nothing: what blocks, why, what to fix in
 * which order (capped at `SUMMARY_LIMITS.blocking` violations) and how to check again. Counts come
 * from the complete list, never from what is shown.
 */
export function formatBlock(summary: WorkspaceSummary, options: { rules: readonly Rule[]; recheckCommand: string; commands?: CommandStyle }): string {
  const files = inFixOrder(summary.blocking);
  const projects = new Set(summary.blocking.map((violation) => violation.project ?? ''));
  const total = summary.totals.newErrors;
  const unchecked = uncheckedReports(summary);
  const notChecked = unchecked.length > 0 ? `, ${plural(unchecked.length, 'project')} not checked` : '';
  const title =
    total > 0
      ? `# Blocked: ${plural(total, 'blocking violation')} in ${plural(files.length, 'file')} of ${plural(projects.size, 'project')}${notChecked}`
      : `# Blocked: ${plural(unchecked.length, 'project')} not checked`;
  const lines = [
    title,
    '',
    ...(unchecked.length > 0
      ? [
          '## Not checked',
          '',
          'These projects have no report of this run (their task failed before writing one: a config error or a crash; or the ' +
            'report cannot be read). Run their task, read its error, fix it:',
          '',
          ...unchecked.map((file) => `- ${escapeMarkdown(file)}`),
          '',
        ]
      : []),
    ...(total > 0
      ? [
          "nx-enforcer, this workspace's code-policy check, found new errors: every run of the check fails until they are fixed. " +
            ('Violations a project accepted in its `enforcer.baseline.json` do not block; these are not in it. Fix the code: ' +
              "suppressing or baselining a violation is for the project's owners to decide."),
          '',
          ...whyLines(summary, options.rules),
          ...fixOrderLines(files, total, options),
        ]
      : []),
    '## Then re-check',
    '',
    '```sh',
    options.recheckCommand,
    '```',
    '',
    `This file is removed once nothing blocks. The complete list, with hints and fix commands, is in \`${AGENT_REPORT_FILE}\`` +
      ` beside it (JSON, for tools and agents); every new violation, warnings included, is in \`${VIOLATIONS_FILE}\`.`,
    '',
  ];
  return lines.join('\n');
}

function whyLines(summary: WorkspaceSummary, rules: readonly Rule[]): string[] {
  const counts = new Map<string, number>();
  for (const violation of summary.blocking) counts.set(violation.ruleId, (counts.get(violation.ruleId) ?? 0) + 1);
  const descriptions = new Map(rules.map((rule) => [rule.id, rule.meta.docs.description]));
  const rows = [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || compareStrings(a, b))
    .map(([ruleId, count]) => `| \`${ruleId}\` | ${count} | ${escapeMarkdown(descriptions.get(ruleId) ?? ENGINE_FINDINGS[ruleId] ?? '')} |`);
  return ['## Why', '', 'Each violation breaks one of these rules:', '', '| Rule | Blocking | What it enforces |', '| --- | ---: | --- |', ...rows, ''];
}

function fixOrderLines(files: readonly FileToFix[], total: number, options: { rules: readonly Rule[]; commands?: CommandStyle }): string[] {
  const fixKinds = fixKindsOf(options.rules);
  const lines = [
    '## Fix in this order',
    '',
    'Files that do not parse come first (nothing else in them could be checked), then the files with the most blocking violations.',
    '',
  ];
  let shown = 0;
  let filesShown = 0;
  for (const entry of files) {
    if (shown >= SUMMARY_LIMITS.blocking) break;
    const listed = entry.violations.slice(0, SUMMARY_LIMITS.blocking - shown);
    shown += listed.length;
    filesShown++;
    const where = entry.project === undefined ? '' : ` (project \`${entry.project}\`)`;
    lines.push(`${filesShown}. \`${escapeMarkdown(entry.file)}\`${where}: ${plural(entry.violations.length, 'blocking violation')}`);
    for (const violation of listed) {
      lines.push(
        `   - \`${escapeMarkdown(violation.file)}:${violation.line}:${violation.column}\` \`${violation.ruleId}\`: ${escapeMarkdown(violation.message)}`,
      );
      if (violation.hint !== undefined) lines.push(`     Fix: ${escapeMarkdown(violation.hint)}`);
    }
    if (entry.violations.length > listed.length) lines.push(`   - …and ${entry.violations.length - listed.length} more in this file.`);
    lines.push(...fixCommandLines(entry, fixKinds, options.commands));
  }
  if (total > shown) {
    lines.push(
      '',
      `…and ${plural(total - shown, 'more blocking violation')}${files.length > filesShown ? ` in ${plural(files.length - filesShown, 'more file')}` : ''}:` +
        ` see \`${AGENT_REPORT_FILE}\` for the complete list.`,
    );
  }
  lines.push('');
  return lines;
}

/** One line per kind of fix the file's rules offer: the command applies them, the rest is by hand. */
function fixCommandLines(entry: FileToFix, fixKinds: ReadonlyMap<string, FixKind>, commands?: CommandStyle): string[] {
  const rulesByKind = new Map<FixKind, Set<string>>();
  for (const violation of entry.violations) {
    const kind = fixKinds.get(violation.ruleId);
    if (kind !== undefined) rulesByKind.set(kind, (rulesByKind.get(kind) ?? new Set()).add(violation.ruleId));
  }
  return (['safe', 'suggestion', 'dangerous'] as const)
    .filter((kind) => rulesByKind.has(kind))
    .map((kind) => {
      const ruleIds = [...(rulesByKind.get(kind) ?? [])]
        .sort(compareStrings)
        .map((ruleId) => `\`${ruleId}\``)
        .join(', ');
      const what = {
        safe: 'Automatic fix',
        suggestion: 'Suggested fix (review the change)',
        dangerous: 'Dangerous fix (it may change behaviour: review the change)',
      }[kind];
      return `   - ${what} for ${ruleIds}: \`${fixCommandOf(kind, entry, commands)}\``;
    });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
