import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { isOp } from './python-source';
import { pythonLines, type LogicalLine } from './python-tokens';

export const DEFAULT_MUTABLE_CALLS = ['list', 'dict', 'set', 'bytearray', 'defaultdict', 'OrderedDict', 'Counter', 'deque'];

/** Token index range `[start, end)` within a logical line. */
type Span = readonly [start: number, end: number];

/**
 * A default value is evaluated once, when the `def` runs, and the same object is handed to every
 * call: what one call appends to a default list, the next call finds already there.
 */
export default defineRule({
  id: 'python/no-mutable-default-argument',
  meta: {
    category: 'python',
    defaultSeverity: 'error',
    // A formatter's sample inputs are not code the policy is about; tests are.
    fixtureFiles: 'skip',
    docs: {
      description: 'Disallow mutable default values (list, dict, set literals and constructor calls) for Python function and lambda parameters.',
      rationale:
        'Defaults are evaluated once, when the function is defined, so a mutable default is shared by every call: state leaks ' +
        'between calls and tests, a classic source of heisenbugs.',
    },
    messages: {
      mutableDefault:
        'Mutable default {{kind}} for "{{name}}" is created once and shared by every call: default to None and create the value in the function body.',
    },
    hints: {
      mutableDefault:
        'Change the default to None (`{{name}}=None`) and start the body with `if {{name}} is None: {{name}} = …`, building a fresh {{kind}} on each call.',
    },
    options: defineOptions({
      mutableCalls: option.stringArray({
        uniqueItems: true,
        default: DEFAULT_MUTABLE_CALLS,
        description:
          'Calls that build a mutable value; a bare name matches the last segment of the callee (`deque` matches ' +
          '`collections.deque`), a dotted name the whole callee.',
      }),
    }),
    equivalents: { python: ['B006', 'dangerous-default-value', 'PyDefaultArgument'] },
    keywords: ['def', 'lambda'],
    language: 'python',
  },
  create(context) {
    const mutableCalls = new Set(context.options.mutableCalls);
    return {
      Text(text) {
        for (const line of context.service(pythonLines)) {
          for (const parameter of parametersOf(line)) {
            const [start, end] = parameter.value;
            const kind = mutableKind(line, parameter.value, mutableCalls);
            if (kind === undefined) continue;
            context.report({
              range: [line.tokens[start].start, line.tokens[end - 1].end],
              messageId: 'mutableDefault',
              data: { kind, name: parameter.name },
            });
          }
        }
      },
    };
  },
});

interface DefaultedParameter {
  name: string;
  value: Span;
}

/** Every parameter with a default, of every `def` and `lambda` on the line. */
function parametersOf(line: LogicalLine): DefaultedParameter[] {
  const found: DefaultedParameter[] = [];
  line.tokens.forEach((token, index) => {
    if (token.kind !== 'name') return;
    const list = token.value === 'def' ? defParameterList(line, index) : token.value === 'lambda' ? lambdaParameterList(line, index) : undefined;
    if (list !== undefined) found.push(...defaultedParameters(line, list));
  });
  return found;
}

/** The tokens between the parentheses of `def name[T](…)`. */
function defParameterList(line: LogicalLine, defAt: number): Span | undefined {
  let open = defAt + 2;
  // PEP 695 type parameters: `def first[T](items: list[T] = ...)`.
  if (isOp(line.tokens[open], '[') && line.partner[open] > open) open = line.partner[open] + 1;
  if (line.tokens[defAt + 1]?.kind !== 'name' || !isOp(line.tokens[open], '(')) return undefined;
  const close = line.partner[open];
  return [open + 1, close === -1 ? line.tokens.length : close];
}

/** The tokens between `lambda` and its `:`; lambda parameters have no annotations, so the first colon outside brackets ends them. */
function lambdaParameterList(line: LogicalLine, lambdaAt: number): Span {
  let index = lambdaAt + 1;
  while (index < line.tokens.length && !isOp(line.tokens[index], ':')) {
    if (line.partner[index] > index) index = line.partner[index];
    // The closing bracket of the call or display the lambda sits in.
    else if (line.partner[index] !== -1) break;
    index++;
  }
  return [lambdaAt + 1, index];
}

/** Splits a parameter list at its top-level commas and keeps the parameters that have a `=` default. */
function defaultedParameters(line: LogicalLine, [start, end]: Span): DefaultedParameter[] {
  const found: DefaultedParameter[] = [];
  let parameterStart = start;
  let equals = -1;
  for (let index = start; index <= end; index++) {
    if (index === end || isOp(line.tokens[index], ',')) {
      if (equals !== -1 && equals + 1 < index) found.push({ name: parameterName(line, parameterStart, equals), value: [equals + 1, index] });
      parameterStart = index + 1;
      equals = -1;
    } else if (line.partner[index] > index) {
      index = Math.min(line.partner[index], end - 1);
    } else if (equals === -1 && isOp(line.tokens[index], '=')) {
      equals = index;
    }
  }
  return found;
}

function parameterName(line: LogicalLine, start: number, end: number): string {
  for (let index = start; index < end; index++) if (line.tokens[index].kind === 'name') return line.tokens[index].value;
  return '?';
}

/** What mutable value the default expression builds, or undefined when it is not one the rule knows. */
function mutableKind(line: LogicalLine, [start, end]: Span, mutableCalls: ReadonlySet<string>): string | undefined {
  const first = line.tokens[start];
  if (line.partner[start] === end - 1) {
    if (isOp(first, '[')) return 'list';
    if (isOp(first, '{')) return isDictDisplay(line, start) ? 'dict' : 'set';
  }
  const callee = calleeOf(line, [start, end]);
  if (callee === undefined) return undefined;
  const lastSegment = callee.slice(callee.lastIndexOf('.') + 1);
  return mutableCalls.has(callee) || mutableCalls.has(lastSegment) ? `${callee}()` : undefined;
}

/** `{}` and `{k: v}` / `{**other}` are dicts; `{a, b}` and set comprehensions are sets. */
function isDictDisplay(line: LogicalLine, open: number): boolean {
  const close = line.partner[open];
  if (close === open + 1) return true;
  for (let index = open + 1; index < close; index++) {
    if (line.partner[index] > index) index = line.partner[index];
    else if (isOp(line.tokens[index], ':') || isOp(line.tokens[index], '**')) return true;
  }
  return false;
}

/** The dotted callee when the whole span is one call `a.b.c(…)`. */
function calleeOf(line: LogicalLine, [start, end]: Span): string | undefined {
  const tokens = line.tokens;
  let index = start;
  const segments: string[] = [];
  while (tokens[index]?.kind === 'name' && index < end) {
    segments.push(tokens[index].value);
    if (!isOp(tokens[index + 1], '.')) break;
    index += 2;
  }
  const open = index + 1;
  if (segments.length === 0 || !isOp(tokens[open], '(') || line.partner[open] !== end - 1) return undefined;
  return segments.join('.');
}
