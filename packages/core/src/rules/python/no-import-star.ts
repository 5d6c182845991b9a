import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { isName, isOp } from './python-source';
import { pythonLines, type LogicalLine } from './python-tokens';

/**
 * `from m import *` makes the names of a module depend on another module's contents: readers,
 * linters and type checkers cannot tell where a name comes from, and a new name in `m` silently
 * shadows a local one.
 */
export default defineRule({
  id: 'python/no-import-star',
  meta: {
    category: 'python',
    defaultSeverity: 'error',
    // A formatter's sample inputs are not code the policy is about; tests are.
    fixtureFiles: 'skip',
    docs: {
      description: 'Disallow wildcard imports (`from module import *`) in Python; import the names that are used.',
      rationale:
        'A wildcard import hides where names come from, defeats linters and type checkers, and lets a name added to the other ' +
        'module silently shadow or replace a local one.',
    },
    messages: {
      importStar: 'Wildcard import from {{module}}: import the names that are used (from {{module}} import a, b) or the module itself.',
    },
    hints: {
      importStar:
        'Replace `from {{module}} import *` with `from {{module}} import name_a, name_b`, listing the names this file uses, or ' +
        'import the module and qualify the names.',
    },
    options: defineOptions({
      allowInInit: option.boolean({
        default: true,
        description: "Accept star imports in a package's `__init__.py`, where they re-export submodules (each should define `__all__`).",
      }),
      allowModules: option.stringArray({
        uniqueItems: true,
        default: [],
        description: 'Modules a star import is accepted from, exactly as written after `from` (e.g. `.base` for layered Django settings).',
      }),
    }),
    equivalents: { python: ['F403', 'wildcard-import'] },
    keywords: [/\bimport[\s\\]*\*/],
    language: 'python',
  },
  create(context) {
    if (context.options.allowInInit && /(^|\/)__init__\.py$/.test(context.file)) return {};
    const allowed = new Set(context.options.allowModules);
    return {
      Text(text) {
        for (const line of context.service(pythonLines)) {
          line.tokens.forEach((token, index) => {
            // `import *` is only legal as `from m import *`, so the star itself identifies the statement.
            if (!isName(token, 'import') || !isOp(line.tokens[index + 1], '*')) return;
            const from = fromKeywordBefore(line, index);
            if (from === -1) return;
            const module = line.tokens
              .slice(from + 1, index)
              .map((part) => part.value)
              .join('');
            if (allowed.has(module)) return;
            context.report({ range: [line.tokens[from].start, line.tokens[index + 1].end], messageId: 'importStar', data: { module } });
          });
        }
      },
    };
  },
});

/** The index of the `from` that starts the statement whose `import` is at `importAt`, or -1. */
function fromKeywordBefore(line: LogicalLine, importAt: number): number {
  let index = importAt - 1;
  // Step back over the module path: names and the dots of `a.b` or a relative `..pkg`.
  while (index >= 0 && (line.tokens[index].kind === 'name' || isOp(line.tokens[index], '.') || isOp(line.tokens[index], '...'))) {
    if (isName(line.tokens[index], 'from')) return index;
    index--;
  }
  return -1;
}
