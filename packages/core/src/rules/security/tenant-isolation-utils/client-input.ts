import { ts } from '../../../../lazy/typescript';
import { bindingOf } from './bindings';
import { memberName, propertyNameText, quote, unwrap } from './syntax';

const REQUEST_NAMES = new Set(['req', 'request']);
/** The parts of a request its sender writes. Headers are left out: see the rule's documentation. */
const INPUT_PARTS = new Set(['body', 'query', 'params']);
const INPUT_DECORATORS = new Set(['Body', 'Query', 'Param']);
const REQUEST_DECORATORS = new Set(['Req', 'Request']);
const CONVERSIONS = new Set(['String', 'Number', 'BigInt', 'parseInt', 'parseFloat']);
/** How many variables are followed back to their initializer (`const t = req.body.tenantId`). */
const MAX_HOPS = 4;

/**
 * Where `value` comes from when the client sent it: `req.body`/`req.query`/`req.params` (also
 * `request.` and `ctx.request.`), or a parameter decorated `@Body()`, `@Query()`, `@Param()`
 * (NestJS), or `@Req()` followed by one of those parts. Returns a short description of the source,
 * or undefined when the value is not (visibly) client input.
 */
export function clientInputSource(value: ts.Expression): string | undefined {
  return sourceOf(value, [], 0);
}

function sourceOf(expression: ts.Expression, suffix: readonly string[], hops: number): string | undefined {
  const value = throughConversions(expression);
  if (ts.isBinaryExpression(value) && isFallback(value.operatorToken.kind)) {
    // `req.body.tenantId ?? user.tenantId`: whoever sends the body picks the tenant.
    return sourceOf(value.left, suffix, hops) ?? sourceOf(value.right, suffix, hops);
  }
  if (ts.isObjectLiteralExpression(value)) return filterOperandSource(value, suffix, hops);
  const { root, path } = accessPath(value);
  const names = [...path, ...suffix];
  if (readsRequestInput(ts.isIdentifier(root) ? [root.text, ...names] : names)) return quote(value);
  if (!ts.isIdentifier(root) || hops >= MAX_HOPS) return undefined;
  const binding = bindingOf(root);
  if (!binding) return undefined;
  const fullPath = [...binding.path, ...names];
  const declaration = binding.declaration;
  if (ts.isParameter(declaration)) return decoratedInput(declaration, fullPath);
  // A `let` may be reassigned after its initializer: only a `const` surely holds it.
  const isConst = (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
  return isConst && declaration.initializer ? sourceOf(declaration.initializer, fullPath, hops + 1) : undefined;
}

/** `{ equals: x }` and `{ in: [x, y] }` filter on x (and y). */
function filterOperandSource(filter: ts.ObjectLiteralExpression, suffix: readonly string[], hops: number): string | undefined {
  for (const property of filter.properties) {
    if (!ts.isPropertyAssignment(property) || !['equals', 'in'].includes(propertyNameText(property.name) ?? '')) continue;
    const operand = unwrap(property.initializer);
    const operands = ts.isArrayLiteralExpression(operand) ? operand.elements.filter((element) => !ts.isSpreadElement(element)) : [operand];
    for (const element of operands) {
      const source = sourceOf(element, suffix, hops);
      if (source !== undefined) return source;
    }
  }
  return undefined;
}

function isFallback(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken;
}

/** `String(x)`, `Number(x)`, `` `${x}` `` carry x's origin. */
function throughConversions(expression: ts.Expression): ts.Expression {
  let value = unwrap(expression);
  for (;;) {
    if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && CONVERSIONS.has(value.expression.text) && value.arguments.length > 0) {
      value = unwrap(value.arguments[0]);
    } else if (ts.isTemplateExpression(value) && value.head.text === '' && value.templateSpans.length === 1 && value.templateSpans[0].literal.text === '') {
      value = unwrap(value.templateSpans[0].expression);
    } else {
      return value;
    }
  }
}

/** `a.b['c'].d` → root `a`, path `['b', 'c', 'd']`. */
function accessPath(expression: ts.Expression): { root: ts.Expression; path: string[] } {
  const path: string[] = [];
  let current = expression;
  for (;;) {
    const name = memberName(current);
    if (name === undefined) return { root: current, path };
    path.unshift(name);
    current = unwrap((current as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  }
}

function readsRequestInput(names: readonly string[]): boolean {
  return names.some((name, index) => REQUEST_NAMES.has(name) && INPUT_PARTS.has(names[index + 1] ?? ''));
}

function decoratedInput(parameter: ts.ParameterDeclaration, path: readonly string[]): string | undefined {
  for (const decorator of ts.getDecorators(parameter) ?? []) {
    const name = decoratorName(decorator);
    if (name === undefined) continue;
    if (INPUT_DECORATORS.has(name)) return `${quote(decorator)} ${quote(parameter.name)}`;
    if (REQUEST_DECORATORS.has(name) && INPUT_PARTS.has(path[0] ?? '')) return `${quote(parameter.name)}.${path[0]} of ${quote(decorator)}`;
  }
  return undefined;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  return ts.isIdentifier(expression) ? expression.text : memberName(expression);
}
