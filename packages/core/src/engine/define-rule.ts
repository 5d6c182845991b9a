import type { FileRule, ProjectRule } from './types';

/**
 * Declares a rule. The identity function exists for type inference: message ids and options are
 * checked against `meta` everywhere the rule uses them. A per-file rule has `create` (its visitors);
 * a project rule has `meta.scope: 'project'` and `checkProject`, and nothing else to declare.
 * Built-in and custom rules use the same API.
 */
export function defineRule<MessageIds extends string, Options>(rule: FileRule<MessageIds, Options>): FileRule<MessageIds, Options>;
export function defineRule<MessageIds extends string, Options>(rule: ProjectRule<MessageIds, Options>): ProjectRule<MessageIds, Options>;
export function defineRule<MessageIds extends string, Options>(rule: FileRule<MessageIds, Options> | ProjectRule<MessageIds, Options>): FileRule<MessageIds, Options> | ProjectRule<MessageIds, Options> {
  return rule;
}
