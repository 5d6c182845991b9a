import { ts } from 'ts-morph';
import { defineRule } from '../../engine/define-rule';
import { collectModuleBindings, qualifiedCallName, type ModuleBindings } from '../rule-utils/qualified-call-name';

export interface UnhandledRiskyCallOptions {
  /** Calls that throw synchronously (`JSON.parse`, `new URL`, `fs:readFileSync`). */
  calls: string[];
  /** Calls that return a promise that can reject (`fetch`, `fs/promises:*`). */
  promiseCalls: string[];
  /** A promise that is returned (or is an arrow function's result) is the caller's to handle. */
  allowReturnedPromises: boolean;
}

export const DEFAULT_RISKY_CALLS = [
  'JSON.parse',
  'new URL',
  'new url:URL',
  ...[
    'readFileSync',
    'writeFileSync',
    'appendFileSync',
    'mkdirSync',
    'rmSync',
    'rmdirSync',
    'unlinkSync',
    'renameSync',
    'copyFileSync',
    'readdirSync',
    'statSync',
    'lstatSync',
    'openSync',
    'accessSync',
    'realpathSync',
    'readlinkSync',
    'symlinkSync',
    'chmodSync',
  ].map((name) => `fs:${name}`),
  'child_process:execSync',
  'child_process:spawnSync',
  'child_process:execFileSync',
];

export const DEFAULT_RISKY_PROMISE_CALLS = ['fetch', 'fs/promises:*', 'fs:promises.*'];

/**
 * Calls that fail for reasons outside the program's control (bad input, missing files, the
 * network) must meet error handling: a `try` around them in the same function, a `.catch()`, or
 * an explicit decision to let the error propagate (`@throws`, a returned promise).
 */
export default defineRule<'unhandledCall' | 'unhandledPromise', UnhandledRiskyCallOptions>({
  id: 'errors/unhandled-risky-call',
  meta: {
    category: 'errors',
    defaultSeverity: 'warn',
    docs: {
      description: 'Require error handling around calls that can fail at run time (parsing, file system, network, child processes).',
      rationale:
        'Parsing untrusted text, touching the file system, the network or child processes fails in production for reasons the code does not control; the failure must be handled where it happens, or propagated on purpose.',
    },
    messages: {
      unhandledCall: '{{call}}() can throw and is not inside a try block: handle the error here, or document the function with @throws if its callers should.',
      unhandledPromise: '{{call}}() can reject and the rejection is not handled: await it inside try/catch, add .catch(), or return the promise to the caller.',
    },
    hints: {
      unhandledCall: 'Wrap the {{call}}() call in `try { … } catch (error) { … }` in this function and handle the failure there, or add `@throws` to the function\'s JSDoc so its callers handle it.',
      unhandledPromise: 'Write `try { await {{call}}(…) } catch (error) { … }`, chain `.catch((error) => …)` onto the promise, or `return` the promise so the caller handles the rejection.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        calls: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Calls that throw: `Global.member`, `new Name`, or `module:export` (a `*` matches any name, e.g. `fs:*`).',
          default: DEFAULT_RISKY_CALLS,
        },
        promiseCalls: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Calls that return a promise that can reject, in the same notation.',
          default: DEFAULT_RISKY_PROMISE_CALLS,
        },
        allowReturnedPromises: {
          type: 'boolean',
          description: 'A promise that is returned (or is an arrow function\'s result) is left to the caller.',
          default: true,
        },
      },
    },
    defaultOptions: { calls: DEFAULT_RISKY_CALLS, promiseCalls: DEFAULT_RISKY_PROMISE_CALLS, allowReturnedPromises: true },
  },
  create(context) {
    if (context.isTestFile) return {};
    const isRisky = matcher(context.options.calls);
    const isRiskyPromise = matcher(context.options.promiseCalls);
    let bindings: ModuleBindings = new Map();
    const check = (node: ts.CallExpression | ts.NewExpression) => {
      const name = qualifiedCallName(node, bindings);
      if (name === undefined) return;
      const promise = isRiskyPromise(name);
      if (!promise && !isRisky(name)) return;
      if (documentsThrows(node) || isCloneViaJson(node, name)) return;
      if (promise ? promiseIsHandled(node, context.options.allowReturnedPromises) : isInsideTry(node)) return;
      context.report({ node: node.expression, messageId: promise ? 'unhandledPromise' : 'unhandledCall', data: { call: calleeText(node) } });
    };
    return {
      SourceFile(node) {
        bindings = collectModuleBindings(node);
      },
      CallExpression: check,
      NewExpression: check,
    };
  },
});

/** `JSON.parse(JSON.stringify(x))` parses text it just produced: a deep clone, not untrusted input. */
function isCloneViaJson(node: ts.CallExpression | ts.NewExpression, name: string): boolean {
  const [argument] = node.arguments ?? [];
  return name === 'JSON.parse' && argument !== undefined && ts.isCallExpression(argument) && argument.expression.getText() === 'JSON.stringify';
}

function matcher(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const source = patterns.map((pattern) => pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')).join('|');
  const regex = new RegExp(`^(?:${source})$`);
  return (name) => regex.test(name);
}

function calleeText(node: ts.CallExpression | ts.NewExpression): string {
  const text = node.expression.getText().replace(/\s+/g, '');
  return `${ts.isNewExpression(node) ? 'new ' : ''}${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

/** Walks up to the enclosing function (or the file), calling `visit` with each ancestor and the child it came from. */
function ancestorsWithinFunction(node: ts.Node, visit: (ancestor: ts.Node, child: ts.Node) => boolean): boolean {
  let child = node;
  for (let ancestor = node.parent; ancestor; child = ancestor, ancestor = ancestor.parent) {
    if (visit(ancestor, child)) return true;
    if (ts.isFunctionLike(ancestor) || ts.isClassStaticBlockDeclaration(ancestor)) return false;
  }
  return false;
}

/** Lexically inside a `try { … }` block (not its catch or finally) of the same function. */
function isInsideTry(node: ts.Node): boolean {
  return ancestorsWithinFunction(node, (ancestor, child) => ts.isTryStatement(ancestor) && ancestor.tryBlock === child && ancestor.catchClause !== undefined);
}

function documentsThrows(node: ts.Node): boolean {
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  return current !== undefined && ts.getJSDocTags(current).some((tag) => tag.tagName.text === 'throws' || tag.tagName.text === 'exception');
}

/**
 * A rejection is handled when the promise (possibly through `.then`/`.finally` chains) gets a
 * `.catch(...)` or a `.then(_, onRejected)`, is awaited inside a try block, or is returned.
 */
function promiseIsHandled(call: ts.Node, allowReturned: boolean): boolean {
  let promise: ts.Node = call;
  for (;;) {
    const parent = promise.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent)) {
      promise = parent;
      continue;
    }
    if (ts.isPropertyAccessExpression(parent) && parent.expression === promise && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      const method = parent.name.text;
      const chained = parent.parent;
      if (method === 'catch' || (method === 'then' && chained.arguments.length >= 2)) return true;
      if (method === 'then' || method === 'finally') {
        promise = chained;
        continue;
      }
    }
    break;
  }
  const parent = promise.parent;
  if (ts.isAwaitExpression(parent)) return isInsideTry(parent);
  if (allowReturned && (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === promise))) return true;
  // `await Promise.all([fetch(a), fetch(b)])` inside try handles each of them.
  return isAwaitedInsideTry(promise);
}

function isAwaitedInsideTry(node: ts.Node): boolean {
  let awaited = false;
  return ancestorsWithinFunction(node, (ancestor, child) => {
    if (ts.isAwaitExpression(ancestor)) awaited = true;
    return awaited && ts.isTryStatement(ancestor) && ancestor.tryBlock === child && ancestor.catchClause !== undefined;
  });
}
