import { fingerprintOf } from '../engine/fingerprint';
import type { Notice, NoticeCode, SeveritySetting, Violation } from '../engine/types';

/** The rule id under which a file the enforcer could not (fully) check is reported. */
export const UNCHECKED_FILE_RULE_ID = 'enforcer/unchecked-file';

/**
 * Notices that mean a file the rules apply to was not checked, or not by every rule: a gate must see
 * them, or a file nobody could read passes as clean. Deliberate skips (generated, minified or
 * vendored code, links leading outside the workspace) stay notices.
 */
const FAILED: ReadonlySet<NoticeCode> = new Set<NoticeCode>(['too-large', 'binary', 'not-utf8', 'unreadable', 'rule-error', 'rule-timeout']);

const HINTS: Partial<Record<NoticeCode, string>> = {
  'too-large': 'Split the file, raise `maxFileSize` in enforcer.config.json, or add it to `ignores` if it is data.',
  binary: 'If the file is not source (an asset, a build output), add it to `ignores`; otherwise save it as text.',
  'not-utf8': 'Save the file as UTF-8, or add it to `ignores` if it is not source.',
  unreadable: 'Make the file readable by the user that runs the enforcer, or remove it from the project.',
  'rule-error': "A rule failed on this file and did not check it: report the error to the rule's author; the other rules ran.",
  'rule-timeout': 'A rule ran out of time on this file and did not finish: simplify the declarative pattern or the file.',
};

/**
 * One finding per notice that means the file was not (fully) checked, at the file's first line,
 * with the notice's message. Its fingerprint depends on the file and the reason only, so a baseline
 * can hold a known case until the reason changes.
 */
export function uncheckedFileViolations(notices: readonly Notice[], setting: SeveritySetting): Violation[] {
  if (setting === 'off') return [];
  const occurrences = new Map<string, number>();
  const violations: Violation[] = [];
  for (const notice of notices) {
    if (!FAILED.has(notice.code)) continue;
    const key = `${notice.file}\0${notice.code}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const hint = HINTS[notice.code];
    violations.push({
      ruleId: UNCHECKED_FILE_RULE_ID,
      severity: setting,
      file: notice.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: notice.message,
      fingerprint: fingerprintOf({ ruleId: UNCHECKED_FILE_RULE_ID, file: notice.file, lineText: notice.code, occurrence }),
      ...(hint ? { hint } : {}),
      // The notice's code names what kept the file from being checked (`too-large`, `binary`...).
      messageId: notice.code,
    });
  }
  return violations;
}
