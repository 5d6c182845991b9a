import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { collectModuleBindings, qualifiedCallName, type ModuleBindings } from '../rule-utils/qualified-call-name';
import { hasShebang } from '../rule-utils/file-roles';

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
export default defineRule({
  id: 'errors/unhandled-risky-call',
  meta: {
    category: 'errors',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Require error handling around calls that can fail at run time (parsing, file system, network, child processes).',
      rationale:
        'Parsing untrusted text, touching the file system, the network or child processes fails in production for reasons the ' +
        'code does not control; the failure must be handled where it happens, or propagated on purpose.',
    },
    messages: {
      unhandledCall: '{{call}}() can throw and is not inside a try block: handle the error here, or document the function with @throws if its callers should.',
      unhandledPromise: '{{call}}() can reject and the rejection is not handled: await it inside try/catch, add .catch(), or return the promise to the caller.',
    },
    hints: {
      unhandledCall:
        'Wrap the {{call}}() call in `try { … } catch (error) { … }` in this function and handle the failure there, or add ' +
        "`@throws` to the function's JSDoc so its callers handle it.",
      unhandledPromise:
        'Write `try { await {{call}}(…) } catch (error) { … }`, chain `.catch((error) => …)` onto the promise, or `return` the ' +
        'promise so the caller handles the rejection.',
    },
    options: defineOptions({
      calls: option.stringArray({
        default: DEFAULT_RISKY_CALLS,
        description: 'Calls that throw: `Global.member`, `new Name`, or `module:export` (a `*` matches any name, e.g. `fs:*`).',
      }),
      promiseCalls: option.stringArray({
        default: DEFAULT_RISKY_PROMISE_CALLS,
        description: 'Calls that return a promise that can reject, in the same notation.',
      }),
      allowReturnedPromises: option.boolean({
        default: true,
        description: "A promise that is returned (or is an arrow function's result) is left to the caller.",
      }),
    }),
    coverage: { unit: 'risky calls' },
  },
  create(context) {
    // A script that fails stops with the error and its stack: that is how a script should fail.
    if (hasShebang(context.text) || isScriptFolder(context.file)) return {};
    const isRisky = matcher(context.options.calls);
    const isRiskyPromise = matcher(context.options.promiseCalls);
    let bindings: ModuleBindings = new Map();
    let sourceFile: ts.SourceFile | undefined;
    let references: Map<string, ts.Identifier[]> | undefined;
    const referencesTo = (name: string): ts.Identifier[] => {
      references ??= identifiersByName(sourceFile as ts.SourceFile);
      return references.get(name) ?? [];
    };
    const check = (node: ts.CallExpression | ts.NewExpression) => {
      const name = qualifiedCallName(node, bindings);
      if (name === undefined) return;
      const promise = isRiskyPromise(name);
      if (!promise && !isRisky(name)) return;
      context.examined();
      if (documentsThrows(node) || isCloneViaJson(node, name) || isConstantUrl(node, name)) return;
      if (promise ? promiseIsHandled(node, context.options.allowReturnedPromises) : isInsideTry(node)) return;
      if (everyCallerHandles(node, referencesTo, context.options.allowReturnedPromises)) return;
      context.report({ node: node.expression, messageId: promise ? 'unhandledPromise' : 'unhandledCall', data: { call: calleeText(node) } });
    };
    return {
      SourceFile(node) {
        bindings = collectModuleBindings(node);
        sourceFile = node;
        references = undefined;
      },
      CallExpression: check,
      NewExpression: check,
    };
  },
});

/** Build and maintenance scripts (not CLIs, whose users give them input): `scripts/`, `tools/`. */
function isScriptFolder(file: string): boolean {
  return /(^|\/)(?:scripts|tools)\//.test(file);
}

/**
 * `new URL('https://api.acme.com/v1')`, `new URL('./worker.js', import.meta.url)`: a URL made of a
 * literal that is itself valid (or relative to the module's own URL) cannot throw.
 */
function isConstantUrl(node: ts.CallExpression | ts.NewExpression, name: string): boolean {
  if (name !== 'new URL' && name !== 'new url:URL') return false;
  const [input, base] = node.arguments ?? [];
  if (input === undefined || !ts.isStringLiteralLike(input)) return false;
  if (base !== undefined) return ts.isPropertyAccessExpression(base) && base.getText() === 'import.meta.url';
  return URL.canParse(input.text);
}

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

/**
 * The failure leaves a local helper that the file alone calls, and every call of it handles the
 * failure: `function load() { return JSON.parse(read()) }` called only as `try { load() } catch …`.
 * A helper that is exported or used as a value (a callback, an export list) has callers this file
 * does not show, so it is not excused.
 */
function everyCallerHandles(node: ts.Node, referencesTo: (name: string) => ts.Identifier[], allowReturned: boolean): boolean {
  const helper = enclosingNamedFunction(node);
  if (helper === undefined || isExported(helper.declaration)) return false;
  const uses = referencesTo(helper.name.text).filter((identifier) => identifier !== helper.name && !isMemberName(identifier));
  if (uses.length === 0) return false;
  return uses.every((identifier) => {
    const call = identifier.parent;
    if (!ts.isCallExpression(call) || call.expression !== identifier) return false;
    // An async helper turns the throw into a rejection of the promise its call returns.
    return helper.isAsync ? promiseIsHandled(call, allowReturned) : isInsideTry(call) || documentsThrows(call);
  });
}

/** The function directly around `node`, when it has a name: a declaration, or a function assigned to a `const`. */
function enclosingNamedFunction(node: ts.Node): { name: ts.Identifier; declaration: ts.Node; isAsync: boolean } | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  if (current === undefined) return undefined;
  const isAsync = (ts.getCombinedModifierFlags(current as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
  if (ts.isFunctionDeclaration(current) && current.name) return { name: current.name, declaration: current, isAsync };
  if ((ts.isArrowFunction(current) || ts.isFunctionExpression(current)) && ts.isVariableDeclaration(current.parent) && ts.isIdentifier(current.parent.name)) {
    return { name: current.parent.name, declaration: current.parent, isAsync };
  }
  return undefined;
}

function isExported(declaration: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return (ts.getCombinedModifierFlags(statement as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

/** `parse` in `JSON.parse` or `{ parse: … }`: a property's name, not a reference to a binding. */
function isMemberName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent))
    return (ts.isPropertyAccessExpression(parent) ? parent.name : parent.right) === identifier;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent)) &&
    parent.name === identifier
  );
}

/** Every identifier of the file by its text, found in one walk and only for files that need it. */
function identifiersByName(sourceFile: ts.SourceFile): Map<string, ts.Identifier[]> {
  const byName = new Map<string, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const list = byName.get(node.text);
      if (list) list.push(node);
      else byName.set(node.text, [node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return byName;
}
