import { defineRule } from '../../engine/define-rule';
import { defineOptions } from '../../engine/rule-options';
import { NOT_IN_TESTS_OR_FIXTURES } from '../rule-utils/file-roles';

/** `value!` tells the compiler to stop checking exactly where a null would crash at run time. */
export default defineRule({
  id: 'typescript/no-non-null-assertion',
  meta: {
    category: 'typescript',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    ...NOT_IN_TESTS_OR_FIXTURES,
    docs: {
      description: 'Disallow non-null assertions (`value!`).',
      rationale: 'A non-null assertion silences the null check without proving anything; when the assumption breaks, the crash happens far from the cause.',
    },
    messages: {
      nonNullAssertion: 'Non-null assertion: check for null/undefined (or use `?.` / `??`) instead of asserting it away.',
    },
    hints: {
      nonNullAssertion:
        'Remove the `!` and handle the missing value: return or throw early (`if (value === undefined) throw …`), ' +
        'or write `value?.x` or `value ?? fallback`.',
    },
    options: defineOptions({}),
    equivalents: { eslint: ['@typescript-eslint/no-non-null-assertion'] },
    keywords: ['!'],
  },
  create(context) {
    return {
      NonNullExpression(node) {
        context.report({ node, messageId: 'nonNullAssertion' });
      },
    };
  },
});
