import { isProjectRule, type FixKind, type Rule, type RuleMeta } from '../../engine/types';
import { builtinRules } from '../../rules';

/** The built-in rules, with exactly the given ones declaring a fix (whatever the rules declare today). */
export function rulesFixing(kinds: Record<string, FixKind>): Rule[] {
  return builtinRules.map((rule): Rule => {
    const kind = kinds[rule.id];
    const declared = kind === undefined ? {} : kind === 'suggestion' ? { hasSuggestions: true } : { fixable: kind };
    return isProjectRule(rule) ? { ...rule, meta: { ...undeclared(rule.meta), ...declared } } : { ...rule, meta: { ...undeclared(rule.meta), ...declared } };
  });
}

function undeclared<Meta extends RuleMeta<string, unknown>>(meta: Meta): Omit<Meta, 'fixable' | 'hasSuggestions'> {
  const { fixable: _fix, hasSuggestions: _suggestions, ...rest } = meta;
  return rest;
}
