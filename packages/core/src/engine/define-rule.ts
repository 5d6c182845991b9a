import type { OptionsDefinition } from './rule-options';
import type { JsonSchema, Rule, RuleMeta } from './types';

/**
 * A rule's `meta` as written: its options either declared once with `defineOptions` (`options`),
 * or as a JSON schema and the defaults beside it (`schema` and `defaultOptions`, the earlier form).
 */
export type RuleMetaInput<MessageIds extends string, Options> = Omit<RuleMeta<MessageIds, Options>, 'schema' | 'defaultOptions'> &
  ({ options: OptionsDefinition<Options>; schema?: never; defaultOptions?: never } | { schema: JsonSchema; defaultOptions: Options; options?: never });

/** A rule as written, before `defineRule` fills `meta.schema` and `meta.defaultOptions`. */
export type RuleInput<MessageIds extends string, Options> = Omit<Rule<MessageIds, Options>, 'meta'> & { meta: RuleMetaInput<MessageIds, Options> };

/**
 * Declares a rule. Message ids and options are checked against `meta` everywhere the rule uses
 * them; options declared with `defineOptions` become the `schema` and `defaultOptions` every
 * consumer (config validation, docs, the testers) reads. Built-in and custom rules use the same API.
 */
export function defineRule<MessageIds extends string, Options>(rule: RuleInput<MessageIds, Options>): Rule<MessageIds, Options> {
  if (rule.meta.options === undefined) return rule as Rule<MessageIds, Options>;
  const { options, ...meta } = rule.meta;
  return { ...rule, meta: { ...meta, schema: options.schema, defaultOptions: options.defaults } };
}
