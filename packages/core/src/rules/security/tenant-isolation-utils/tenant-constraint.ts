import { ts } from 'ts-morph';
import { isUndefinedValue, memberName, propertyNameText, unwrap, viewObject, type ObjectView } from './syntax';

/** Whether an argument pins the tenant: yes, no, or built where this file cannot see it. */
export type Verdict = { kind: 'yes' } | { kind: 'no' } | { kind: 'unknown'; node: ts.Expression };

const YES: Verdict = { kind: 'yes' };
const NO: Verdict = { kind: 'no' };
const unknown = (node: ts.Expression): Verdict => ({ kind: 'unknown', node });

/** Yes when one of them is; otherwise unknown when one is; otherwise no. */
function anyOf(verdicts: readonly Verdict[]): Verdict {
  return verdicts.find((verdict) => verdict.kind === 'yes') ?? verdicts.find((verdict) => verdict.kind === 'unknown') ?? NO;
}

/** No when one of them is (or there are none); otherwise unknown when one is; otherwise yes. */
function allOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0 || verdicts.some((verdict) => verdict.kind === 'no')) return NO;
  return verdicts.find((verdict) => verdict.kind === 'unknown') ?? YES;
}

/**
 * Whether a `where` restricts the rows to one tenant: the tenant field itself, an `AND` element
 * that does, every branch of an `OR`, or a nested object that holds the field (a compound unique
 * key such as `tenantId_email: { tenantId, email }`, or a to-one relation filter).
 */
export function whereVerdict(where: ts.Expression, field: string): Verdict {
  const value = unwrap(where);
  if (isUndefinedValue(value)) return NO;
  if (ts.isObjectLiteralExpression(value)) return objectVerdict(viewObject(value), (key, property) => whereKeyVerdict(key, property, field));
  if (ts.isConditionalExpression(value)) return allOf([whereVerdict(value.whenTrue, field), whereVerdict(value.whenFalse, field)]);
  return unknown(where);
}

/** Whether a created row sets the tenant field, or connects the tenant relation (`tenant: { connect: ... }`). */
export function dataVerdict(data: ts.Expression, field: string, relationKeys: ReadonlySet<string>): Verdict {
  const value = unwrap(data);
  if (ts.isConditionalExpression(value)) return allOf([dataVerdict(value.whenTrue, field, relationKeys), dataVerdict(value.whenFalse, field, relationKeys)]);
  if (!ts.isObjectLiteralExpression(value)) return unknown(data);
  return objectVerdict(viewObject(value), (key, property) => ((key === field || relationKeys.has(key)) && !isUndefinedValue(property) ? YES : NO));
}

/**
 * The rows of `createMany({ data })`: an array literal's elements, the object returned by
 * `rows.map((row) => ({ ... }))`, or a single object. Otherwise the verdict for what cannot be seen.
 */
export function rowsOf(data: ts.Expression): ts.Expression[] | Verdict {
  const value = unwrap(data);
  if (ts.isArrayLiteralExpression(value)) {
    const spread = value.elements.find(ts.isSpreadElement);
    return spread ? unknown(spread) : [...value.elements];
  }
  if (ts.isObjectLiteralExpression(value) || ts.isConditionalExpression(value)) return [value];
  const mapped = mappedRow(value);
  return mapped ? [mapped] : unknown(data);
}

function mappedRow(value: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(value) || memberName(unwrap(value.expression)) !== 'map') return undefined;
  const callback = value.arguments[0] && unwrap(value.arguments[0]);
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  if (!ts.isBlock(callback.body)) return callback.body;
  const statements = callback.body.statements;
  const last = statements[statements.length - 1];
  return statements.length === 1 && last && ts.isReturnStatement(last) && last.expression ? last.expression : undefined;
}

/**
 * Combines the verdicts of an object's keys. A key that pins the tenant but may be replaced by a
 * later spread of something built elsewhere (`{ tenantId, ...filters }`) cannot be verified; a
 * spread before it (`{ ...filters, tenantId }`) can.
 */
function objectVerdict(view: ObjectView, keyVerdict: (key: string, value: ts.Expression) => Verdict): Verdict {
  const verdicts: Verdict[] = [];
  for (const [key, property] of view.properties) {
    const verdict = keyVerdict(key, property.value);
    verdicts.push(verdict.kind === 'yes' && property.overriddenBy ? unknown(property.overriddenBy) : verdict);
  }
  for (const opaque of view.opaque) verdicts.push(unknown(opaque));
  return anyOf(verdicts);
}

function whereKeyVerdict(key: string, value: ts.Expression, field: string): Verdict {
  if (key === field) return isUndefinedValue(value) ? NO : YES;
  if (key === 'AND') return conditionsVerdict(value, field, anyOf);
  if (key === 'OR') return conditionsVerdict(value, field, allOf);
  if (key === 'NOT') return NO;
  // Prisma names a compound unique key after its fields: `tenantId_email`.
  if (key.split('_').includes(field)) return YES;
  const nested = unwrap(value);
  if (!ts.isObjectLiteralExpression(nested)) return NO;
  const property = viewObject(nested).properties.get(field);
  return property && !isUndefinedValue(property.value) ? YES : NO;
}

/** `AND`/`OR` take an array of conditions or a single one. */
function conditionsVerdict(value: ts.Expression, field: string, combine: (verdicts: readonly Verdict[]) => Verdict): Verdict {
  const conditions = unwrap(value);
  if (!ts.isArrayLiteralExpression(conditions)) return whereVerdict(value, field);
  return combine(conditions.elements.map((element) => (ts.isSpreadElement(element) ? unknown(element) : whereVerdict(element, field))));
}

const MAX_LITERAL_DEPTH = 12;

/** Every value given to the tenant field anywhere in a literal argument (`where`, `data`, `AND`, nested keys). */
export function tenantValues(argument: ts.Expression, field: string): ts.Expression[] {
  const values: ts.Expression[] = [];
  const visit = (node: ts.Expression, depth: number): void => {
    const value = unwrap(node);
    if (depth > MAX_LITERAL_DEPTH) return;
    if (ts.isArrayLiteralExpression(value)) {
      for (const element of value.elements) visit(ts.isSpreadElement(element) ? element.expression : element, depth + 1);
      return;
    }
    if (!ts.isObjectLiteralExpression(value)) return;
    for (const property of value.properties) {
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === field) values.push(property.name);
      if (ts.isSpreadAssignment(property)) visit(property.expression, depth + 1);
      if (!ts.isPropertyAssignment(property)) continue;
      if (propertyNameText(property.name) === field) values.push(property.initializer);
      visit(property.initializer, depth + 1);
    }
  };
  visit(argument, 0);
  return values;
}
