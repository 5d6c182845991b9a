import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { NOT_IN_TESTS_OR_FIXTURES } from '../rule-utils/file-roles';

/** `any` switches type checking off for everything it touches, and spreads silently. */
export default defineRule({
  id: 'typescript/no-explicit-any',
  meta: {
    category: 'typescript',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    ...NOT_IN_TESTS_OR_FIXTURES,
    docs: {
      description: 'Disallow the `any` type.',
      rationale: 'A value typed `any` is not checked, and neither is anything computed from it; `unknown` keeps the checks and forces a narrowing.',
    },
    messages: {
      unexpectedAny: 'Unexpected any: use `unknown` and narrow it, or write the real type.',
    },
    hints: {
      unexpectedAny: 'Replace `any` with the real type, or `unknown` and narrow it where it is used.',
    },
    options: defineOptions({
      ignoreRestArgs: option.boolean({ default: false, description: 'Allow `...args: any[]` rest parameters.' }),
    }),
    equivalents: { eslint: ['@typescript-eslint/no-explicit-any'] },
    keywords: ['any'],
  },
  create(context) {
    return {
      AnyKeyword(node) {
        if (context.options.ignoreRestArgs && isRestParameterType(node)) return;
        context.report({ node, messageId: 'unexpectedAny' });
      },
    };
  },
});

function isRestParameterType(node: ts.Node): boolean {
  let type: ts.Node = node;
  if (ts.isArrayTypeNode(type.parent)) type = type.parent;
  else if (ts.isTypeReferenceNode(type.parent) && ['Array', 'ReadonlyArray'].includes(type.parent.typeName.getText())) type = type.parent;
  const parameter = type.parent;
  return ts.isParameter(parameter) && parameter.type === type && parameter.dotDotDotToken !== undefined;
}
