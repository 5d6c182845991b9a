import { isOffsetInComment } from '../../engine/comment-position';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { NOT_IN_TESTS_OR_FIXTURES } from '../rule-utils/file-roles';

// TypeScript honours these pragmas only at the start of a comment (after `//` or `/*` and `*`s).
const PRAGMA = /(\/\/\/?|\/\*+)[ \t]*@ts-(ignore|nocheck|expect-error)\b([^\n]*)/g;

/**
 * `@ts-ignore` and `@ts-nocheck` hide type errors, including future ones nobody has seen yet.
 * `@ts-expect-error` at least fails once the error is gone; it must say why the error is expected.
 */
export default defineRule({
  id: 'typescript/no-ts-ignore',
  meta: {
    category: 'typescript',
    defaultSeverity: 'error',
    ...NOT_IN_TESTS_OR_FIXTURES,
    docs: {
      description: 'Disallow `@ts-ignore` and `@ts-nocheck`; require a description on `@ts-expect-error`.',
      rationale:
        'Suppressed type errors stay hidden after the code around them changes; `@ts-expect-error` with a reason is visible, ' +
        'reviewed, and fails once it is no longer needed.',
    },
    messages: {
      tsIgnore: 'Do not use @ts-ignore: fix the type error, or use `@ts-expect-error -- <why>` so it fails once the error is gone.',
      tsNocheck:
        'Do not use @ts-nocheck: it turns type checking off for the whole file; fix the errors or suppress them one by one with `@ts-expect-error -- <why>`.',
      tsExpectErrorWithoutDescription:
        '@ts-expect-error needs a reason: add a description of at least {{minimum}} characters saying why the error is expected.',
      useExpectError: 'Use @ts-expect-error instead: it fails once the error is gone, and the reason after it stays.',
    },
    hints: {
      useExpectError: 'Check that the line still has the type error it silences: `@ts-expect-error` fails the build where none remains.',
      tsIgnore:
        "Replace `@ts-ignore` with `@ts-expect-error -- <why the error is expected>` (the rule's suggestion fix does it, " +
        'keeping the text after it), or fix the type error and delete the comment.',
      tsNocheck: 'Delete the `@ts-nocheck` comment, then fix each type error it hid or put `// @ts-expect-error -- <why>` on the line above it.',
      tsExpectErrorWithoutDescription: 'Write why the error is expected after the pragma, at least {{minimum}} characters: `// @ts-expect-error -- <why>`.',
    },
    // A suggestion: `@ts-expect-error` fails the build where no error remains, which `@ts-ignore` tolerated.
    hasSuggestions: true,
    options: defineOptions({
      minimumDescriptionLength: option.integer({ minimum: 1, default: 3, description: 'Shortest description accepted after `@ts-expect-error`.' }),
    }),
    equivalents: { eslint: ['@typescript-eslint/ban-ts-comment', '@typescript-eslint/prefer-ts-expect-error'] },
    keywords: ['@ts-'],
    coverage: { unit: 'TypeScript directives' },
  },
  create(context) {
    return {
      // Pragmas are comments, which the syntax walk does not visit: find them in the text, then
      // confirm each one is in a comment (not inside a string) through the syntax tree.
      SourceFile(sourceFile) {
        for (const match of context.text.matchAll(PRAGMA)) {
          if (!isOffsetInComment(sourceFile, match.index as number)) continue;
          context.examined();
          const kind = match[2];
          const start = (match.index as number) + match[0].indexOf('@ts-');
          const end = start + `@ts-${kind}`.length;
          if (kind === 'ignore') {
            // Only the pragma is replaced: the reason written after it stays as it is. Without one the
            // result would break this rule's own `@ts-expect-error` check: a reason cannot be invented.
            const hasReason = descriptionOf(match[3]).length >= context.options.minimumDescriptionLength;
            context.report({
              range: [start, end],
              messageId: 'tsIgnore',
              suggest: hasReason ? [{ messageId: 'useExpectError', fix: (fixer) => fixer.replaceText([start, end], '@ts-expect-error') }] : [],
            });
          } else if (kind === 'nocheck') {
            context.report({ range: [start, end], messageId: 'tsNocheck' });
          } else if (descriptionOf(match[3]).length < context.options.minimumDescriptionLength) {
            context.report({ range: [start, end], messageId: 'tsExpectErrorWithoutDescription', data: { minimum: context.options.minimumDescriptionLength } });
          }
        }
      },
    };
  },
});

function descriptionOf(rest: string): string {
  return rest
    .replace(/\*\/.*$/, '')
    .replace(/^[\s:-]+/, '')
    .trim();
}
