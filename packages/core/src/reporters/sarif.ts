import type { Rule } from '../engine/types';
import { stableStringify } from '../json/stable-stringify';
import type { ReportedViolation, RunReport } from '../runner/run-report';
import { ENFORCER_VERSION } from '../version';
import { UNCHECKED_FILE_RULE_ID } from '../runner/unchecked-files';

/** Where SARIF consumers (GitHub code scanning, IDEs) resolve our relative paths: the repository root. */
export const SARIF_SOURCE_ROOT = '%SRCROOT%';
/** Names the fingerprint algorithm, so a future change of it is not mistaken for new results. */
export const SARIF_FINGERPRINT_KEY = 'nxEnforcer/v1';

interface SarifRuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'none' };
  properties: { category: string };
}

/** Findings that are not rules of the registry still need a descriptor. */
const SYNTHETIC_RULES: Record<string, { description: string; help: string }> = {
  'parse-error': { description: 'The file does not parse.', help: 'Fix the syntax error; no rule ran on this file.' },
  'suppression/missing-reason': { description: 'A suppression comment without a reason.', help: 'Add " -- <why>" after the rule ids.' },
  'suppression/unused': { description: 'A suppression comment that suppresses nothing.', help: 'Remove the comment.' },
  [UNCHECKED_FILE_RULE_ID]: {
    description: 'A file the rules apply to could not be checked (too large, binary, not UTF-8, unreadable), or a rule failed on it.',
    help: 'Make the file checkable, or add it to `ignores` if it is not source; set `uncheckedFiles` in enforcer.config.json to change the severity.',
  },
};

/**
 * SARIF 2.1.0: one run, the rules that produced results (with their documentation and, per
 * message, its fix hint as help), one result per violation with a relative location under
 * %SRCROOT%, our fingerprint as a partial fingerprint, the baseline state (`new` / `unchanged`) and
 * the violation's hint as the `hint` property. Deterministic: no timestamps, no absolute paths.
 */
export function formatSarif(report: RunReport, rules: readonly Rule[]): string {
  return stableStringify(sarifLogOf(report, rules));
}

/** The SARIF log formatSarif writes, as data (a large one is written in pieces). */
export function sarifLogOf(report: RunReport, rules: readonly Rule[]): object {
  const ruleIds = [...new Set(report.violations.map((violation) => violation.ruleId))].sort();
  const descriptors = ruleIds.map((id) =>
    describeRule(
      id,
      rules.find((rule) => rule.id === id),
    ),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'nx-enforcer', version: ENFORCER_VERSION, semanticVersion: ENFORCER_VERSION, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results: report.violations.map((violation) => toResult(violation, ruleIds.indexOf(violation.ruleId))),
      },
    ],
  };
}

function describeRule(id: string, rule: Rule | undefined): SarifRuleDescriptor {
  const description = rule?.meta.docs.description ?? SYNTHETIC_RULES[id]?.description ?? id;
  const help = rule ? `${rule.meta.docs.description} ${rule.meta.docs.rationale}` : (SYNTHETIC_RULES[id]?.help ?? description);
  const severity = rule?.meta.defaultSeverity ?? (id === 'parse-error' ? 'error' : 'warn');
  const fixes = rule ? hintsOf(rule) : [];
  return {
    id,
    name: id.replace(/[/-](\w)/g, (_match, letter: string) => letter.toUpperCase()),
    shortDescription: { text: description },
    fullDescription: { text: rule ? `${rule.meta.docs.description} ${rule.meta.docs.rationale}` : description },
    help: {
      text: fixes.length === 0 ? help : [help, '', 'How to fix:', ...fixes.map(({ message, hint }) => `- ${message}\n  ${hint}`)].join('\n'),
      markdown: [
        `**${id}**: ${help}`,
        ...(fixes.length === 0
          ? []
          : ['', '**How to fix**', '', ...fixes.map(({ message, hint }) => `- ${markdownText(message)}\n  - Fix: ${markdownText(hint)}`)]),
      ].join('\n'),
    },
    defaultConfiguration: { level: severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none' },
    properties: { category: rule?.meta.category ?? id.split('/')[0] },
  };
}

/**
 * The rule's messages that have a hint, in declaration order, with `{{name}}` placeholders shown
 * as `<name>`: the help describes every finding of the rule, not one report's data.
 */
function hintsOf(rule: Rule): Array<{ message: string; hint: string }> {
  const hints = (rule.meta.hints ?? {}) as Record<string, string | undefined>;
  return Object.entries(rule.meta.messages as Record<string, string>).flatMap(([messageId, message]) => {
    const hint = hints[messageId];
    return hint ? [{ message: showPlaceholders(message), hint: showPlaceholders(hint) }] : [];
  });
}

function showPlaceholders(template: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, '<$1>');
}

/** Escapes what Markdown would interpret, except inside `code spans`, which the texts use for code to type. */
function markdownText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\*_<>[\]#|]/g, '\\$&')))
    .join('');
}

function toResult(violation: ReportedViolation, ruleIndex: number) {
  return {
    ruleId: violation.ruleId,
    ruleIndex,
    level: violation.severity === 'error' ? 'error' : 'warning',
    message: { text: violation.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(violation.file), uriBaseId: SARIF_SOURCE_ROOT },
          region: { startLine: violation.line, startColumn: violation.column, endLine: violation.endLine, endColumn: violation.endColumn },
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: violation.fingerprint },
    baselineState: violation.scope === 'historical' ? 'unchanged' : 'new',
    // SARIF has no per-result field for advice; a property bag keeps message.text the plain message.
    ...(violation.hint ? { properties: { hint: violation.hint } } : {}),
  };
}

/** A relative URI reference: each path segment percent-encoded, so `#`, `?` and `%` in names survive. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
