import type { Rule } from './types';

/**
 * Declares a rule. The identity function exists for type inference: message ids and options are
 * checked against `meta` everywhere the rule uses them. Built-in and custom rules use the same API.
 */
export function defineRule<MessageIds extends string, Options>(rule: Rule<MessageIds, Options>): Rule<MessageIds, Options> {
  return rule;
}
