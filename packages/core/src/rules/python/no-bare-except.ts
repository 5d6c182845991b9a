import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { headerColon, isName, isOp, suiteEnd } from './python-source';
import { pythonLines, type LogicalLine } from './python-tokens';

/**
 * A bare `except:` also catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`: Ctrl-C and
 * `sys.exit()` stop working inside the `try`, and every unexpected bug is handled like the one
 * failure the author had in mind.
 */
export default defineRule({
  id: 'python/no-bare-except',
  meta: {
    category: 'python',
    defaultSeverity: 'error',
    // A formatter's sample inputs are not code the policy is about; tests are.
    fixtureFiles: 'skip',
    docs: {
      description: 'Disallow bare `except:` clauses in Python; name the exceptions to catch.',
      rationale:
        'A bare except also catches KeyboardInterrupt, SystemExit and GeneratorExit, so Ctrl-C and sys.exit() stop working, and ' +
        'it hides every unanticipated bug behind the handler of the expected one.',
    },
    messages: {
      bareExcept: 'Bare `except:` also catches KeyboardInterrupt and SystemExit: catch the specific exception, or `Exception` if any error is really expected.',
    },
    hints: {
      bareExcept: 'Write `except Exception:` (or the specific exceptions the block handles) instead of `except:`.',
    },
    options: defineOptions({
      allowReraise: option.boolean({
        default: true,
        description: 'Accept a bare `except:` whose handler re-raises the exception with a bare `raise` (cleanup on any failure): it swallows nothing.',
      }),
    }),
    equivalents: { python: ['E722', 'B001', 'bare-except', 'PyBroadException'] },
    keywords: [/\bexcept[\s\\]*:/],
    language: 'python',
  },
  create(context) {
    return {
      Text(text) {
        const lines = context.service(pythonLines);
        lines.forEach((line, index) => {
          const [keyword, colon] = line.tokens;
          // `except` is a hard keyword that can only open a clause, so it is always a line's first token.
          if (!isName(keyword, 'except') || !isOp(colon, ':')) return;
          if (context.options.allowReraise && reraises(lines, index)) return;
          context.report({ range: [keyword.start, colon.end], messageId: 'bareExcept' });
        });
      },
    };
  },
});

/** Whether the handler of the `except:` on line `header` contains a bare `raise` statement. */
function reraises(lines: readonly LogicalLine[], header: number): boolean {
  const body = [lines[header]].concat(lines.slice(header + 1, suiteEnd(lines, header)));
  return body.some((line, index) => hasBareRaise(line, index === 0 ? headerColon(line, 0) + 1 : 0));
}

/** A `raise` that starts a statement (at `from`, after `;`, or after a one-line header's `:`) and ends right away. */
function hasBareRaise(line: LogicalLine, from: number): boolean {
  const tokens = line.tokens;
  for (let index = from; index < tokens.length; index++) {
    const startsStatement = index === from || isOp(tokens[index - 1], ';') || isOp(tokens[index - 1], ':');
    if (startsStatement && isName(tokens[index], 'raise') && (index + 1 === tokens.length || isOp(tokens[index + 1], ';'))) return true;
  }
  return false;
}
