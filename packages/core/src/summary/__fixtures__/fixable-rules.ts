import type { FixKind, Rule } from '../../engine/types';
import { builtinRules } from '../../rules';

/** The built-in rules, with exactly the given ones declaring a fix (whatever the rules declare today). */
export function rulesFixing(kinds: Record<string, FixKind>): Rule[] {
  return builtinRules.map((rule) => {
    const { fixable: _declared, ...meta } = rule.meta;
    const kind = kinds[rule.id];
    return { ...rule, meta: kind === undefined ? meta : { ...meta, fixable: kind } };
  });
}
