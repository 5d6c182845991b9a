import { ts } from 'ts-morph';
import { bindingOf } from './bindings';
import { mayBeModelCall } from './prisma-call';
import { isUndefinedValue, memberName, propertyNameText, unwrap, viewObject, type ObjectView } from './syntax';

/** What pins a row to the caller's tenant in a `where`. */
export interface WhereScope {
  /** The tenant field, and for a membership model the field that holds the member's own id. */
  fields: readonly string[];
  /** Relation fields built on the tenant field (`team` for `teamId`): `{ team: { id } }` pins it too. */
  relations: ReadonlySet<string>;
}

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
export function whereVerdict(where: ts.Expression, scope: WhereScope, depth = 0): Verdict {
  const value = unwrap(where);
  if (isUndefinedValue(value)) return NO;
  if (ts.isObjectLiteralExpression(value)) return objectVerdict(viewObject(value), (key, property) => whereKeyVerdict(key, property, scope, depth));
  if (ts.isConditionalExpression(value)) return allOf([whereVerdict(value.whenTrue, scope, depth + 1), whereVerdict(value.whenFalse, scope, depth + 1)]);
  const literal = depth < MAX_LITERAL_DEPTH ? constLiteral(value) : undefined;
  return literal ? whereVerdict(literal, scope, depth + 1) : unknown(where);
}

/** Whether a created row sets the tenant field, or connects the tenant relation (`tenant: { connect: ... }`). */
export function dataVerdict(data: ts.Expression, field: string, relationKeys: ReadonlySet<string>, depth = 0): Verdict {
  const value = unwrap(data);
  if (ts.isConditionalExpression(value)) return allOf([dataVerdict(value.whenTrue, field, relationKeys, depth + 1), dataVerdict(value.whenFalse, field, relationKeys, depth + 1)]);
  if (!ts.isObjectLiteralExpression(value)) {
    const literal = depth < MAX_LITERAL_DEPTH ? constLiteral(value) : undefined;
    return literal ? dataVerdict(literal, field, relationKeys, depth + 1) : unknown(data);
  }
  return objectVerdict(viewObject(value), (key, property) => ((key === field || relationKeys.has(key)) && !isUndefinedValue(property) ? YES : NO));
}

/**
 * The literal a local `const` was declared with (`const where = { ... }`), when nothing in its
 * scope changes it through a property (`where.x = ...`, `delete where.x`, `Object.assign(where, ...)`):
 * then the literal is what reaches Prisma.
 */
export function constLiteral(node: ts.Expression): ts.Expression | undefined {
  const value = unwrap(node);
  if (!ts.isIdentifier(value)) return undefined;
  const binding = bindingOf(value);
  if (!binding || binding.path.length > 0 || !ts.isVariableDeclaration(binding.declaration)) return undefined;
  const list = binding.declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  const initializer = binding.declaration.initializer && unwrap(binding.declaration.initializer);
  if (!initializer || !(ts.isObjectLiteralExpression(initializer) || ts.isConditionalExpression(initializer))) return undefined;
  return isChangedThroughProperty(value.text, list.parent.parent) ? undefined : initializer;
}

function isChangedThroughProperty(name: string, scope: ts.Node): boolean {
  const rootedAtName = (node: ts.Expression): boolean => {
    let current = unwrap(node);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
    return ts.isIdentifier(current) && current.text === name;
  };
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = unwrap(node.left);
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && rootedAtName(target)) changed = true;
    }
    if (ts.isDeleteExpression(node) && rootedAtName(node.expression)) changed = true;
    if (ts.isCallExpression(node) && node.arguments[0] && rootedAtName(node.arguments[0]) && /^Object\.(?:assign|defineProperty)$/.test(node.expression.getText())) changed = true;
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return changed;
}

/**
 * `row.id` (or `const { id } = row`) where `row` holds what a Prisma find in the same function
 * returned: the lookup touches a row already read, whose own query is where the tenant is checked.
 */
function isIdOfReadRow(node: ts.Expression): boolean {
  const value = unwrap(node);
  if (ts.isPropertyAccessExpression(value) && value.name.text === 'id') {
    const root = unwrap(value.expression);
    return ts.isIdentifier(root) && readsRow(root, []);
  }
  return ts.isIdentifier(value) && readsRow(value, ['id']);
}

function readsRow(identifier: ts.Identifier, path: readonly string[]): boolean {
  const binding = bindingOf(identifier);
  if (!binding || !ts.isVariableDeclaration(binding.declaration) || binding.path.join('.') !== path.join('.')) return false;
  const list = binding.declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  let initializer = binding.declaration.initializer && unwrap(binding.declaration.initializer);
  if (initializer && ts.isAwaitExpression(initializer)) initializer = unwrap(initializer.expression);
  if (!initializer || !ts.isCallExpression(initializer) || !mayBeModelCall(initializer)) return false;
  return /^find/.test(memberName(unwrap(initializer.expression)) ?? '');
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

function whereKeyVerdict(key: string, value: ts.Expression, scope: WhereScope, depth: number): Verdict {
  if (scope.fields.includes(key)) return isUndefinedValue(value) ? NO : YES;
  if (key === 'AND') return conditionsVerdict(value, scope, anyOf, depth);
  if (key === 'OR') return conditionsVerdict(value, scope, allOf, depth);
  if (key === 'NOT') return NO;
  // Prisma names a compound unique key after its fields: `tenantId_email`.
  if (key.split('_').some((part) => scope.fields.includes(part))) return YES;
  if (key === 'id' && isIdOfReadRow(value)) return YES;
  return relationFilterVerdict(key, value, scope, depth);
}

/**
 * A filter on a to-one relation: on the tenant relation itself by id (`team: { id }`), or on a
 * parent row that holds the tenant (`project: { workspaceId }`, `project: { is: { workspace: { id } } }`).
 */
function relationFilterVerdict(key: string, value: ts.Expression, scope: WhereScope, depth: number): Verdict {
  const nested = unwrap(value);
  if (!ts.isObjectLiteralExpression(nested) || depth >= MAX_LITERAL_DEPTH) return NO;
  const properties = viewObject(nested).properties;
  const pinned = (name: string) => {
    const property = properties.get(name);
    return property !== undefined && !isUndefinedValue(property.value);
  };
  if (scope.fields.some(pinned) || (scope.relations.has(key) && pinned('id'))) return YES;
  const is = properties.get('is');
  if (is) return relationFilterVerdict(key, is.value, scope, depth + 1);
  for (const [innerKey, property] of properties) {
    if (scope.relations.has(innerKey) && relationFilterVerdict(innerKey, property.value, scope, depth + 1).kind === 'yes') return YES;
  }
  return NO;
}

/** `AND`/`OR` take an array of conditions or a single one. */
function conditionsVerdict(value: ts.Expression, scope: WhereScope, combine: (verdicts: readonly Verdict[]) => Verdict, depth: number): Verdict {
  const conditions = unwrap(value);
  if (!ts.isArrayLiteralExpression(conditions)) return whereVerdict(value, scope, depth + 1);
  return combine(conditions.elements.map((element) => (ts.isSpreadElement(element) ? unknown(element) : whereVerdict(element, scope, depth + 1))));
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
