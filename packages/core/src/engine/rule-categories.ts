/**
 * The closed set of rule categories, the one list the `RuleCategory` type, the custom-rule loader,
 * the rule generator and the meta tests derive from. A built-in rule's category is the first
 * segment of its id.
 */
export const RULE_CATEGORIES = ['architecture', 'dates', 'errors', 'logging', 'nestjs', 'pattern', 'project', 'python', 'security', 'typescript'] as const;

export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/** Declarative rules from config (`patterns`) own `pattern/<id>`; no rule written in code takes it. */
export const RESERVED_CATEGORIES: readonly RuleCategory[] = ['pattern'];

/** The categories a rule written in code (built-in or a workspace's own) may declare. */
export const CODE_RULE_CATEGORIES: readonly RuleCategory[] = RULE_CATEGORIES.filter((category) => !RESERVED_CATEGORIES.includes(category));
