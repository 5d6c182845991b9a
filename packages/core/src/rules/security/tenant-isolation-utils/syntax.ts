import { ts } from 'ts-morph';

/** Looks through what does not change a value: parentheses, `as`, `satisfies`, `<T>x` and `!`. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isNonNullExpression(current)) {
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
}

type Entry = { key: string; value: ts.Expression } | { opaque: ts.Expression };

/** The effective properties of an object literal: `{ ...{ a }, b }` holds `a` and `b`. */
export function viewObject(object: ts.ObjectLiteralExpression): ObjectView {
  const properties = new Map<string, EffectiveProperty>();
  const opaque: ts.Expression[] = [];
  let nearestOpaqueAfter: ts.Expression | undefined;
  const entries = entriesOf(object, 0);
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if ('opaque' in entry) {
      opaque.unshift(entry.opaque);
      nearestOpaqueAfter = entry.opaque;
    } else if (!properties.has(entry.key)) {
      properties.set(entry.key, nearestOpaqueAfter ? { value: entry.value, overriddenBy: nearestOpaqueAfter } : { value: entry.value });
    }
  }
  return { properties, opaque };
}

const MAX_SPREAD_DEPTH = 8;

function entriesOf(object: ts.ObjectLiteralExpression, depth: number): Entry[] {
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
      const spread = unwrap(property.expression);
      if (ts.isObjectLiteralExpression(spread) && depth < MAX_SPREAD_DEPTH) entries.push(...entriesOf(spread, depth + 1));
      else entries.push({ opaque: property.expression });
    }
    // Methods and accessors do not reach Prisma as filter values.
  }
  return entries;
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
