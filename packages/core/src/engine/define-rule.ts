import type { OptionsDefinition } from './rule-options';
import type { FileRule, FileRuleMeta, JsonSchema, ProjectRule, ProjectRuleMeta, RuleMetaBase } from './types';

/**
 * How a rule declares its options: once, with `defineOptions` (`options`), or as a JSON schema and
 * the defaults beside it (`schema` and `defaultOptions`, the earlier form).
 */
export type OptionsInput<Options> =
  { options: OptionsDefinition<Options>; schema?: never; defaultOptions?: never } | { schema: JsonSchema; defaultOptions: Options; options?: never };

type WithOptionsInput<Meta extends RuleMetaBase<string, Options>, Options> = Omit<Meta, 'schema' | 'defaultOptions'> & OptionsInput<Options>;

/** A rule's `meta` as written, before `defineRule` fills `schema` and `defaultOptions`. */
export type RuleMetaInput<MessageIds extends string, Options> =
  WithOptionsInput<FileRuleMeta<MessageIds, Options>, Options> | WithOptionsInput<ProjectRuleMeta<MessageIds, Options>, Options>;

/** A per-file rule as written. */
export type FileRuleInput<MessageIds extends string, Options> = Omit<FileRule<MessageIds, Options>, 'meta'> & {
  meta: WithOptionsInput<FileRuleMeta<MessageIds, Options>, Options>;
};

/** A project rule as written. */
export type ProjectRuleInput<MessageIds extends string, Options> = Omit<ProjectRule<MessageIds, Options>, 'meta'> & {
  meta: WithOptionsInput<ProjectRuleMeta<MessageIds, Options>, Options>;
};

/** Either kind of rule as written. */
export type RuleInput<MessageIds extends string, Options> = FileRuleInput<MessageIds, Options> | ProjectRuleInput<MessageIds, Options>;

/**
 * Declares a rule. Message ids and options are checked against `meta` everywhere the rule uses
 * them; options declared with `defineOptions` become the `schema` and `defaultOptions` every
 * consumer (config validation, docs, the testers) reads. A per-file rule has `create` (its
 * visitors); a project rule has `meta.scope: 'project'` and `checkProject`, and nothing else to
 * declare. Built-in and custom rules use the same API.
 */
export function defineRule<MessageIds extends string, Options>(rule: FileRuleInput<MessageIds, Options>): FileRule<MessageIds, Options>;
export function defineRule<MessageIds extends string, Options>(rule: ProjectRuleInput<MessageIds, Options>): ProjectRule<MessageIds, Options>;
export function defineRule<MessageIds extends string, Options>(
  rule: RuleInput<MessageIds, Options>,
): FileRule<MessageIds, Options> | ProjectRule<MessageIds, Options> {
  if ('checkProject' in rule) {
    const { options, schema, defaultOptions, ...meta } = rule.meta;
    return { ...rule, meta: { ...meta, ...(options ? { schema: options.schema, defaultOptions: options.defaults } : { schema, defaultOptions }) } };
  }
  const { options, schema, defaultOptions, ...meta } = rule.meta;
  return { ...rule, meta: { ...meta, ...(options ? { schema: options.schema, defaultOptions: options.defaults } : { schema, defaultOptions }) } };
}
