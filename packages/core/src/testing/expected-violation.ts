import { ruleOptionsProblem } from '../config/validate-config';
import { formatMessage } from '../engine/format-message';
import type { Rule, Severity, Violation } from '../engine/types';

/** What both testers check of one reported violation. */
export interface ExpectedMessage<MessageIds extends string = string> {
  messageId: MessageIds;
  /** The placeholders of the message: the message must be the template filled with exactly these. */
  data?: Record<string, string | number>;
  /** The exact message. */
  message?: string;
}

/** Fails unless the violation is the expected message: its id, the template filled with `data`, the exact text. */
export function assertMessage(rule: Rule, actual: Violation, expected: ExpectedMessage, index: number): void {
  const messages = rule.meta.messages as Record<string, string>;
  if (!Object.hasOwn(messages, expected.messageId))
    throw new Error(`unknown messageId "${expected.messageId}" in test case; the rule's are ${Object.keys(messages).join(', ')}`);
  if (actual.messageId !== expected.messageId)
    throw new Error(`violation ${index + 1}: expected messageId "${expected.messageId}", got "${actual.messageId}" (message "${actual.message}")`);
  if (expected.data !== undefined) {
    const filled = formatMessage(messages[expected.messageId], expected.data);
    if (filled !== actual.message)
      throw new Error(`violation ${index + 1}: with data ${JSON.stringify(expected.data)} the message is "${filled}", got "${actual.message}"`);
  }
  if (expected.message !== undefined && expected.message !== actual.message)
    throw new Error(`violation ${index + 1}: expected message "${expected.message}", got "${actual.message}"`);
}

/**
 * The severity and options a case runs with: the rule's default severity (`error` when it is off by
 * default) and its default options under the case's, which must be options the rule's schema accepts.
 */
export function caseSettings<Options>(rule: Rule<string, Options>, options: Partial<Options> | undefined): { severity: Severity; options: Options } {
  if (options !== undefined) {
    const problem = ruleOptionsProblem(rule, options);
    if (problem) throw new Error(`the case's options are not valid options of ${rule.id}: ${problem}`);
  }
  return { severity: rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity, options: { ...rule.meta.defaultOptions, ...options } };
}
