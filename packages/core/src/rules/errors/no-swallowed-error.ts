import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';

/**
 * A catch that names the error and then never touches it has decided, silently, that the error
 * does not matter: no rethrow, no log, no return, no hand-off. (Empty blocks are
 * `errors/no-empty-catch`'s business.)
 */
export default defineRule({
  id: 'errors/no-swallowed-error',
  meta: {
    category: 'errors',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Disallow catch clauses and `.catch()` callbacks that bind the error and never use it.',
      rationale:
        'An error that is caught, named and then ignored disappears without a trace; use it (rethrow, log, return, pass it on) ' +
        'or drop the binding to say that ignoring it is deliberate.',
    },
    messages: {
      swallowed: 'The caught error "{{name}}" is never used: rethrow it, log it, return it or pass it on (or write `catch {` if ignoring it is deliberate).',
      swallowedInCallback: 'The rejection reason "{{name}}" is never used: rethrow it, log it, return it or pass it on.',
    },
    hints: {
      swallowed:
        "Use {{name}} in the handler, e.g. `throw new Error('…', { cause: {{name}} })` or `logger.error('…', {{name}})`, or " +
        'write `catch {` without the binding if ignoring it is deliberate.',
      swallowedInCallback:
        "Use {{name}} in the callback, e.g. `logger.error('…', {{name}})` or `throw {{name}}`; if ignoring it is deliberate, " +
        'drop the parameter (`.catch(() => fallback)`).',
    },
    options: defineOptions({
      ignorePattern: option.string({
        default: '^_',
        description: 'Error bindings whose name matches this regular expression are treated as deliberately unused.',
      }),
    }),
    keywords: ['catch'],
  },
  create(context) {
    // Tests catch errors to assert on them, and fixtures are not code.
    const ignored = context.options.ignorePattern ? new RegExp(context.options.ignorePattern) : undefined;
    const check = (binding: ts.BindingName, body: ts.Node, messageId: 'swallowed' | 'swallowedInCallback') => {
      const names = boundNames(binding).filter((name) => !ignored?.test(name.text));
      if (names.length === 0 || names.some((name) => isUsedIn(body, name.text))) return;
      context.report({ node: binding, messageId, data: { name: names.map((name) => name.text).join(', ') } });
    };
    return {
      CatchClause(node) {
        const binding = node.variableDeclaration?.name;
        if (binding && node.block.statements.length > 0) check(binding, node.block, 'swallowed');
      },
      CallExpression(node) {
        const callee = node.expression;
        if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch' || node.arguments.length !== 1) return;
        const handler = node.arguments[0];
        if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return;
        const parameter = handler.parameters[0];
        const emptyBlock = ts.isBlock(handler.body) && handler.body.statements.length === 0;
        if (parameter && !emptyBlock) check(parameter.name, handler.body, 'swallowedInCallback');
      },
    };
  },
});

function boundNames(binding: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(binding)) return [binding];
  return binding.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/** Whether `name` is read anywhere in `body` (property names and declarations do not count). */
function isUsedIn(body: ts.Node, name: string): boolean {
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(node) && node.text === name && isReference(node)) {
      used = true;
      return;
    }
    // A nested function with a parameter of the same name refers to its own parameter.
    if (ts.isFunctionLike(node) && node.parameters.some((parameter) => boundNames(parameter.name).some((bound) => bound.text === name))) return;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return used;
}

function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === identifier) return false;
  if (ts.isVariableDeclaration(parent) && parent.name === identifier) return false;
  if (ts.isParameter(parent) && parent.name === identifier) return false;
  return true;
}
