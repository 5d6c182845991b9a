import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { headerColon, isName, isOp, isPlainCall, rebindsBuiltin } from './python-source';
import { pythonLines, type LogicalLine } from './python-tokens';

/** Offsets of one reported `open(...)` call. */
type Call = readonly [start: number, end: number];

/** A `try` statement being read: calls in its body are safe if a `finally:` clause turns up. */
interface TryFrame {
  indent: number;
  /** False once an `except`, `else` or `finally` clause has started. */
  inBody: boolean;
  pending: Call[];
}

type Clause = 'try' | 'except' | 'else' | 'finally';

/**
 * A file opened without `with` is closed only when the code reaches `close()`: an exception on the
 * way leaks the handle until the garbage collector runs (never, on some interpreters), and writes may
 * not be flushed.
 */
export default defineRule({
  id: 'python/open-outside-with',
  meta: {
    category: 'python',
    defaultSeverity: 'warn',
    docs: {
      description: 'Require the builtin `open()` to be used as a `with` context manager (or inside a `try` with `finally`) in Python.',
      rationale:
        'A file opened outside `with` stays open when an exception skips its close(): handles leak, buffered writes may be ' +
        'lost, and on Windows the file stays locked; `with` closes it on every path.',
    },
    messages: {
      openOutsideWith: 'open() outside a `with` statement leaks the file when an error skips close(): use `with open(...) as f:`.',
    },
    hints: {
      openOutsideWith:
        'Rewrite it as `with open(...) as f:` and use `f` inside that block, so the file is closed on every path (or close it in the `finally:` of a `try`).',
    },
    options: defineOptions({
      allowReturn: option.boolean({
        default: true,
        description: 'Accept `return open(...)`, where a function hands the open file to its caller (who must close it).',
      }),
    }),
    keywords: [/\bopen[\s\\]*\(/],
    language: 'python',
  },
  create(context) {
    return {
      Text(text) {
        const lines = context.service(pythonLines);
        if (rebindsBuiltin(lines, 'open')) return;
        const report = (call: Call) => context.report({ range: call, messageId: 'openOutsideWith' });
        const stack: TryFrame[] = [];
        // Calls in a `try` body (or just before one) await the end of the statement: is there a `finally`?
        const settle = (calls: readonly Call[]) => {
          const frame = stack.findLast((candidate) => candidate.inBody);
          if (frame) frame.pending.push(...calls);
          else calls.forEach(report);
        };
        let beforeTry: { indent: number; calls: Call[] } | undefined;
        for (const line of lines) {
          const clause = clauseOf(line);
          const carried = beforeTry && clause === 'try' && line.indent === beforeTry.indent ? beforeTry.calls : [];
          if (beforeTry && carried.length === 0) settle(beforeTry.calls);
          beforeTry = undefined;
          closeFrames(stack, line, clause, settle);
          if (clause === 'try') stack.push({ indent: line.indent, inBody: true, pending: carried });
          const calls = unmanagedCalls(line, context.options.allowReturn);
          if (calls.length > 0 && assignsOpenedFile(line)) beforeTry = { indent: line.indent, calls };
          else settle(calls);
        }
        if (beforeTry) settle(beforeTry.calls);
        for (let frame = stack.pop(); frame; frame = stack.pop()) settle(frame.pending);
      },
    };
  },
});

/** The clause keyword a line starts with, when it is one of a `try` statement's. */
function clauseOf(line: LogicalLine): Clause | undefined {
  const [first, second] = line.tokens;
  if (first.kind !== 'name') return undefined;
  if (first.value === 'try' || first.value === 'finally' || first.value === 'else') return isOp(second, ':') ? first.value : undefined;
  return first.value === 'except' ? 'except' : undefined;
}

/**
 * Ends the `try` statements that `line` is no longer part of: a line indented no deeper than a `try`
 * is either one of its clauses or the first statement after it. A `finally` makes the calls of the
 * body safe; a statement that ends it without one hands them to the enclosing `try`, if any.
 */
function closeFrames(stack: TryFrame[], line: LogicalLine, clause: Clause | undefined, settle: (calls: readonly Call[]) => void): void {
  for (let top = stack.at(-1); top && line.indent <= top.indent; top = stack.at(-1)) {
    if (line.indent === top.indent && (clause === 'except' || clause === 'else' || clause === 'finally')) {
      if (clause === 'finally') top.pending = [];
      top.inBody = false;
      return;
    }
    stack.pop();
    settle(top.pending);
  }
}

/** The `open(...)` calls of a line that no `with` manages and that are not handed on. */
function unmanagedCalls(line: LogicalLine, allowReturn: boolean): Call[] {
  const tokens = line.tokens;
  const withHeader = withHeaderEnd(line);
  const calls: Call[] = [];
  tokens.forEach((token, index) => {
    if (!isPlainCall(line, index, 'open') || index < withHeader) return;
    const close = line.partner[index + 1];
    if (allowReturn && isName(tokens[index - 1], 'return') && close === tokens.length - 1) return;
    // `stack.enter_context(open(p))`: an ExitStack closes it.
    if (isOp(tokens[index - 1], '(') && isName(tokens[index - 2], 'enter_context')) return;
    calls.push([token.start, close === -1 ? token.end : tokens[close].end]);
  });
  return calls;
}

/**
 * The token index where the header of a `with` / `async with` statement ends (its items, including
 * parenthesised multi-line ones, come before), or 0 when the line is not a `with` statement.
 */
function withHeaderEnd(line: LogicalLine): number {
  const tokens = line.tokens;
  const withAt = isName(tokens[0], 'with') ? 0 : isName(tokens[0], 'async') && isName(tokens[1], 'with') ? 1 : -1;
  if (withAt === -1) return 0;
  const colon = headerColon(line, withAt + 1);
  return colon === -1 ? tokens.length : colon;
}

/** `f = open(...)` / `self.f = open(...)`: the classic form followed by `try: … finally: f.close()`. */
function assignsOpenedFile(line: LogicalLine): boolean {
  const tokens = line.tokens;
  const equals = tokens.findIndex((token) => isOp(token, '='));
  return equals > 0 && isName(tokens[equals + 1], 'open') && line.partner[equals + 2] === tokens.length - 1;
}
