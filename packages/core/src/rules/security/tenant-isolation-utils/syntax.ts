import { ts } from '../../../../lazy/typescript';

/** Looks through what does not change a value: parentheses, `as`, `satisfies`, `<T>x` and `!`. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The static text of a property key: identifiers, string and numeric literals, `['literal']`. */
export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** `object.name`, `object?.name` or `object['name']`: the member's name, when it is static. */
export function memberName(node: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

/** `undefined` written out: Prisma drops a filter whose value is undefined, so it filters nothing. */
export function isUndefinedValue(node: ts.Expression): boolean {
  const value = unwrap(node);
  return (ts.isIdentifier(value) && value.text === 'undefined') || ts.isVoidExpression(value);
}

/** One property of an object literal as it takes effect: later keys win over earlier ones. */
export interface EffectiveProperty {
  value: ts.Expression;
  /** A spread of something built elsewhere that comes after this key and may replace it. */
  overriddenBy?: ts.Expression;
}

/** What an object literal holds once literal spreads are inlined and duplicate keys resolved. */
export interface ObjectView {
  properties: Map<string, EffectiveProperty>;
  /** Spreads (and computed keys) whose content is not visible here, in source order. */
  opaque: ts.Expression[];
  /**
   * Spreads of one of two visible objects (`...(search ? { name } : {})`, `...(flag && { a })`):
   * each branch's view. The keys they may set are known, so they replace only those.
   */
  alternatives: Array<{ node: ts.Expression; branches: ObjectView[] }>;
}

/** Finds the literal an identifier stands for (a local `const`), so a spread of it can be seen through. */
export type LiteralResolver = (node: ts.Expression) => ts.Expression | undefined;

type Entry = { key: string; value: ts.Expression } | { opaque: ts.Expression } | { alternative: ts.Expression; branches: ObjectView[] };

/** The effective properties of an object literal: `{ ...{ a }, b }` holds `a` and `b`. */
export function viewObject(object: ts.ObjectLiteralExpression, resolve?: LiteralResolver): ObjectView {
  return viewEntries(entriesOf(object, 0, resolve));
}

function viewEntries(entries: readonly Entry[]): ObjectView {
  const properties = new Map<string, EffectiveProperty>();
  const opaque: ts.Expression[] = [];
  const alternatives: ObjectView['alternatives'] = [];
  let nearestOpaqueAfter: ts.Expression | undefined;
  // Keys a later alternative may set, with the nearest such spread.
  const maybeSetAfter = new Map<string, ts.Expression>();
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if ('opaque' in entry) {
      opaque.unshift(entry.opaque);
      nearestOpaqueAfter = entry.opaque;
    } else if ('alternative' in entry) {
      alternatives.unshift({ node: entry.alternative, branches: entry.branches });
      for (const branch of entry.branches) for (const key of branch.properties.keys()) maybeSetAfter.set(key, entry.alternative);
    } else if (!properties.has(entry.key)) {
      const overriddenBy = nearestOpaqueAfter ?? maybeSetAfter.get(entry.key);
      properties.set(entry.key, overriddenBy ? { value: entry.value, overriddenBy } : { value: entry.value });
    }
  }
  return { properties, opaque, alternatives };
}

const MAX_SPREAD_DEPTH = 8;

function entriesOf(object: ts.ObjectLiteralExpression, depth: number, resolve?: LiteralResolver): Entry[] {
  const entries: Entry[] = [];
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property)) {
      const key = propertyNameText(property.name);
      if (key !== undefined) entries.push({ key, value: property.initializer });
      // `[name]: value` may set any key, the tenant's included.
      else if (ts.isComputedPropertyName(property.name)) entries.push({ opaque: property.name.expression });
    } else if (ts.isShorthandPropertyAssignment(property)) {
      entries.push({ key: property.name.text, value: property.name });
    } else if (ts.isSpreadAssignment(property)) {
      entries.push(...spreadEntries(property.expression, depth, resolve));
    }
    // Methods and accessors do not reach Prisma as filter values.
  }
  return entries;
}

/** A spread's entries: a literal's (also through a local const), two visible alternatives, or opaque. */
function spreadEntries(expression: ts.Expression, depth: number, resolve?: LiteralResolver): Entry[] {
  if (depth >= MAX_SPREAD_DEPTH) return [{ opaque: expression }];
  let spread = unwrap(expression);
  const resolved = resolve?.(spread);
  if (resolved) spread = unwrap(resolved);
  if (ts.isObjectLiteralExpression(spread)) return entriesOf(spread, depth + 1, resolve);
  const branches = alternativesOf(spread);
  if (branches) {
    const views: ObjectView[] = [];
    for (const branch of branches) {
      const value = unwrap(branch);
      if (ts.isObjectLiteralExpression(value)) views.push(viewEntries(entriesOf(value, depth + 1, resolve)));
      else if (isNothing(value)) views.push({ properties: new Map(), opaque: [], alternatives: [] });
      else return [{ opaque: expression }];
    }
    return [{ alternative: expression, branches: views }];
  }
  return [{ opaque: expression }];
}

/** `c ? a : b` gives `[a, b]`; `c && a` gives `[a, c]` (a falsy `c` spreads nothing when it is a condition). */
function alternativesOf(node: ts.Expression): ts.Expression[] | undefined {
  if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [node.right, ts.factory.createNull()];
  return undefined;
}

/** What spreads no keys: `{}` is handled as a literal; `undefined`, `null`, `false`, `''`. */
function isNothing(node: ts.Expression): boolean {
  return (
    isUndefinedValue(node) ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    (ts.isStringLiteralLike(node) && node.text === '')
  );
}

/** The call's text on one line, shortened for messages: `this.prisma.invoice.findMany`. */
export function calleeText(call: ts.CallExpression): string {
  const text = call.expression.getText().replace(/\s+/g, '');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A short quote of source text for messages. */
export function quote(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}
