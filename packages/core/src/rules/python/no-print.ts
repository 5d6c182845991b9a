import { defineRule } from '../../engine/define-rule';
import { defineOptions, option, type OptionsOf } from '../../engine/rule-options';
import { DEFAULT_SCRIPT_FILES, entryPointMatcher, hasShebang } from '../rule-utils/file-roles';
import { isDeclaredProgram, projectRootOf } from '../rule-utils/declared-entry-points';
import { isMainGuard, isPlainCall, rebindsBuiltin, suiteEnd } from './python-source';
import { pythonLines, type LogicalLine } from './python-tokens';

export const DEFAULT_PRINT_ENTRY_POINTS = [...DEFAULT_SCRIPT_FILES];

const options = defineOptions({
  allowInMain: option.boolean({ default: true, description: 'Accept print() inside an `if __name__ == "__main__":` block, where a module runs as a script.' }),
  entryPoints: option.stringArray({
    default: DEFAULT_PRINT_ENTRY_POINTS,
    description: 'Files that print by design (scripts, command-line tools): globs relative to the workspace root.',
  }),
});

export type NoPrintOptions = OptionsOf<typeof options>;

/**
 * `print()` writes unstructured text to stdout: no level, no logger name, no timestamp, nothing a
 * log pipeline can filter, and in a server it interleaves with the real output. Scripts, `__main__`
 * blocks and tests print by design and are exempt.
 */
export default defineRule({
  id: 'python/no-print',
  meta: {
    category: 'python',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Disallow calls of the builtin `print()` in Python application code; log through the `logging` module.',
      rationale:
        'print() output has no level, logger name or structure, cannot be filtered or routed by configuration, and is easily ' +
        'lost or mixed with real output in services; logging can do all of that.',
    },
    messages: {
      unexpectedPrint: 'Unexpected print(): log through the logging module (logger = logging.getLogger(__name__)) instead.',
    },
    hints: {
      unexpectedPrint:
        'Replace `print(...)` with `logger.info(...)` (or `.debug`, `.warning`), with `logger = logging.getLogger(__name__)` at ' +
        'module level; in a script, move it under `if __name__ == "__main__":`.',
    },
    options,
    equivalents: { python: ['T201', 'T001', 'print-statement'] },
    keywords: ['print'],
    language: 'python',
  },
  create(context) {
    if (hasShebang(context.text)) return {};
    const { allowInMain, entryPoints } = context.options;
    if (entryPoints.length > 0 && entryPointMatcher(entryPoints)(context.file)) return {};
    let declaredProgram: boolean | undefined;
    const isProgram = () => (declaredProgram ??= isDeclaredProgram(context.file, (path) => context.readFile(path), projectRootOf(context)));
    return {
      Text(text) {
        const lines = context.service(pythonLines);
        if (rebindsBuiltin(lines, 'print')) return;
        const exempt = allowInMain ? mainBlockLines(lines) : new Set<number>();
        lines.forEach((line, lineIndex) => {
          if (exempt.has(lineIndex)) return;
          line.tokens.forEach((token, index) => {
            if (isPlainCall(line, index, 'print') && !isProgram()) context.report({ range: [token.start, token.end], messageId: 'unexpectedPrint' });
          });
        });
      },
    };
  },
});

/** Indices of the lines of every `if __name__ == "__main__":` statement, header included. */
function mainBlockLines(lines: readonly LogicalLine[]): Set<number> {
  const inside = new Set<number>();
  for (let index = 0; index < lines.length; index++) {
    if (!isMainGuard(lines[index])) continue;
    const end = suiteEnd(lines, index);
    for (let member = index; member < end; member++) inside.add(member);
    index = end - 1;
  }
  return inside;
}
