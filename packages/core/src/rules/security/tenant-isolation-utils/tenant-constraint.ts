import { ts } from '../../../../lazy/typescript';
import { syntaxKindSet } from '../../../engine/syntax-kind-set';
import { collectModuleBindings, type ModuleBindings } from '../../rule-utils/qualified-call-name';
import { bindingOf } from './bindings';
import { mayBeModelCall } from './prisma-call';
import { isUndefinedValue, memberName, propertyNameText, unwrap, viewObject, type ObjectView } from './syntax';
import { containsThrow, exits } from '../../rule-utils/throws';
import { mentions } from '../../rule-utils/mentions';

/** What pins a row to the caller's tenant in a `where`. */
export interface WhereScope {
  /** The tenant field, and for a membership model the field that holds the member's own id. */
  fields: readonly string[];
  /** Relation fields built on the tenant field (`team` for `teamId`): `{ team: { id } }` pins it too. */
  relations: ReadonlySet<string>;
  /** The schema's `@id` and `@unique` fields: besides `id`-like names, keys that name one row (`pk`). */
  rowKeys?: ReadonlySet<string>;
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
  const keys = [...scope.fields, ...scope.relations];
  if (ts.isObjectLiteralExpression(value))
    return objectVerdict(
      viewObject(value, (node) => constLiteral(node, keys)),
      (key, property) => whereKeyVerdict(key, property, scope, depth),
    );
  if (ts.isConditionalExpression(value)) return allOf([whereVerdict(value.whenTrue, scope, depth + 1), whereVerdict(value.whenFalse, scope, depth + 1)]);
  const literal = depth < MAX_LITERAL_DEPTH ? constLiteral(value, keys) : undefined;
  return literal ? whereVerdict(literal, scope, depth + 1) : unknown(where);
}

/**
 * Whether a created row sets the tenant field, or connects the tenant relation (`tenant: { connect: ... }`).
 * Without the schema the relations built on the tenant field are only guessed from its name
 * (`tenantId` → `tenant`); then a relation connected by a unique key that holds the tenant
 * (`account: { connect: { id_userId: { id, userId } } }`) counts as setting it, as it does when
 * the relation is built on that key.
 */
export function dataVerdict(data: ts.Expression, field: string, relationKeys: ReadonlySet<string>, relationsGuessed = false, depth = 0): Verdict {
  const value = unwrap(data);
  if (ts.isConditionalExpression(value))
    return allOf([
      dataVerdict(value.whenTrue, field, relationKeys, relationsGuessed, depth + 1),
      dataVerdict(value.whenFalse, field, relationKeys, relationsGuessed, depth + 1),
    ]);
  const keys = [field, ...relationKeys];
  if (!ts.isObjectLiteralExpression(value)) {
    const literal = depth < MAX_LITERAL_DEPTH ? constLiteral(value, keys) : undefined;
    return literal ? dataVerdict(literal, field, relationKeys, relationsGuessed, depth + 1) : unknown(data);
  }
  const keyVerdict = (key: string, property: ts.Expression): Verdict => {
    if (isUndefinedValue(property)) return NO;
    if (key === field || relationKeys.has(key)) return YES;
    return relationsGuessed && connectsByTenantKey(property, field) ? YES : NO;
  };
  return objectVerdict(
    viewObject(value, (node) => constLiteral(node, keys)),
    keyVerdict,
  );
}

/** `{ connect: { id_userId: { id, userId } } }`: a relation connected by a unique key that pins the tenant. */
function connectsByTenantKey(relation: ts.Expression, field: string): boolean {
  const value = unwrap(relation);
  if (!ts.isObjectLiteralExpression(value)) return false;
  const connect = viewObject(value).properties.get('connect');
  if (!connect) return false;
  return whereVerdict(connect.value, { fields: [field], relations: new Set() }).kind === 'yes';
}

/**
 * The literal a local `const` was declared with (`const where = { ... }`), when nothing in its
 * scope can change `keys` in it (`where.tenantId = ...`, `where[key] = ...`, `delete where.x`,
 * `Object.assign(where, ...)`): then the literal is what decides. Other keys added later
 * (`where.status = ...`) only narrow a `where`, and say nothing of the tenant. A call of a helper
 * this file declares (a local `const` arrow function, or a private method of the same class) with
 * one `return` stands for what it returns: `const where = this.whereFor({ userId })`.
 */
export function constLiteral(node: ts.Expression, keys: readonly string[], depth = 0): ts.Expression | undefined {
  const value = unwrap(node);
  if (ts.isCallExpression(value)) return depth < MAX_HELPER_DEPTH ? helperResult(value, keys, depth) : undefined;
  if (!ts.isIdentifier(value)) return undefined;
  const binding = bindingOf(value);
  if (!binding || binding.path.length > 0 || !ts.isVariableDeclaration(binding.declaration)) return undefined;
  const list = binding.declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  let initializer = binding.declaration.initializer && unwrap(binding.declaration.initializer);
  if (initializer && ts.isCallExpression(initializer)) initializer = depth < MAX_HELPER_DEPTH ? helperResult(initializer, keys, depth) : undefined;
  if (!initializer || !(ts.isObjectLiteralExpression(initializer) || ts.isConditionalExpression(initializer))) return undefined;
  return mayChangeKeys(value.text, keys, list.parent.parent) ? undefined : initializer;
}

/** Calls of helpers followed into, at most: a helper that calls a helper, and so on. */
const MAX_HELPER_DEPTH = 3;

/** What a call of a helper declared in this file returns, as a literal (see constLiteral). */
function helperResult(call: ts.CallExpression, keys: readonly string[], depth: number): ts.Expression | undefined {
  const helper = helperOf(call);
  if (!helper?.body) return undefined;
  if (!ts.isBlock(helper.body)) {
    const returned = unwrap(helper.body);
    return ts.isObjectLiteralExpression(returned) || ts.isConditionalExpression(returned) ? returned : constLiteral(returned, keys, depth + 1);
  }
  const returns = returnsOf(helper.body);
  const returned = returns.length === 1 && returns[0].expression ? unwrap(returns[0].expression) : undefined;
  if (!returned) return undefined;
  return ts.isObjectLiteralExpression(returned) || ts.isConditionalExpression(returned) ? returned : constLiteral(returned, keys, depth + 1);
}

/**
 * The function a call runs, when this file says which one it is: `make()` with `const make = () =>
 * ...` (or a function expression) in scope, or `this.make()` with `make` a private method of the
 * enclosing class (a public one may be overridden by a subclass).
 */
function helperOf(call: ts.CallExpression): ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const binding = bindingOf(callee);
    if (!binding || binding.path.length > 0 || !ts.isVariableDeclaration(binding.declaration)) return undefined;
    const list = binding.declaration.parent;
    const initializer = binding.declaration.initializer && unwrap(binding.declaration.initializer);
    if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0 || !initializer) return undefined;
    return ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer) ? initializer : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const name = callee.name.text;
  let owner: ts.Node | undefined = call.parent;
  while (owner && !ts.isClassLike(owner)) {
    // `this` inside a plain function, or a method of an object literal, is not the class instance.
    if (ts.isFunctionDeclaration(owner) || ts.isFunctionExpression(owner) || (ts.isMethodDeclaration(owner) && ts.isObjectLiteralExpression(owner.parent)))
      return undefined;
    owner = owner.parent;
  }
  if (!owner) return undefined;
  const methods = owner.members.filter((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === name);
  // Overloads, or no body: not one function to read.
  if (methods.length !== 1 || !methods[0].body) return undefined;
  const method = methods[0];
  const isPrivate = ts.isPrivateIdentifier(method.name) || (ts.getModifiers(method) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword);
  return isPrivate ? method : undefined;
}

/** The `return` statements of a function body, not those of functions nested in it. */
function returnsOf(body: ts.Block): ts.ReturnStatement[] {
  const returns: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) returns.push(node);
    if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return returns;
}

function mayChangeKeys(name: string, keys: readonly string[], scope: ts.Node): boolean {
  const rootedAtName = (node: ts.Expression): boolean => {
    let current = unwrap(node);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
    return ts.isIdentifier(current) && current.text === name;
  };
  /** The first key below the name (`tenantId` in `where.tenantId.equals`), or undefined when it is computed. */
  const firstKey = (target: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined => {
    let current: ts.Expression = target;
    let key: string | undefined;
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      key = ts.isPropertyAccessExpression(current)
        ? current.name.text
        : ts.isStringLiteralLike(current.argumentExpression)
          ? current.argumentExpression.text
          : undefined;
      if (key === undefined) return undefined;
      current = unwrap(current.expression);
    }
    return key;
  };
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed) return;
    if (isAssignment(node)) {
      const target = unwrap(node.left);
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && rootedAtName(target)) {
        const key = firstKey(target);
        if (key === undefined || keys.includes(key)) changed = true;
      }
    }
    if (ts.isDeleteExpression(node) && rootedAtName(node.expression)) changed = true;
    if (
      ts.isCallExpression(node) &&
      node.arguments[0] &&
      rootedAtName(node.arguments[0]) &&
      /^Object\.(?:assign|defineProperty)$/.test(node.expression.getText())
    )
      changed = true;
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return changed;
}

/**
 * `row.id` (or `const { id } = row`) where `row` holds what a Prisma find in the same function
 * returned: the lookup touches a row already read, whose own query is where the tenant is checked.
 * A reference the row holds (`row.collectionID`) came from the database too, not from the client:
 * it names a row of the same tenant as the row read.
 */
function isReferenceOfReadRow(node: ts.Expression, scope: WhereScope): boolean {
  const value = unwrap(node);
  // `id: { in: rows.map((row) => row.id) }`.
  if (ts.isObjectLiteralExpression(value)) {
    const list = viewObject(value).properties.get('in');
    return value.properties.length === 1 && list !== undefined && areIdsOfReadRows(list.value, scope);
  }
  if (ts.isPropertyAccessExpression(value) && isRowKey(value.name.text, scope)) return isReadRow(unwrap(value.expression));
  return ts.isIdentifier(value) && isRowKey(value.text, scope) && (readsRow(value, [value.text]) || isElementOfReadIds(value, scope));
}

/** `for (const canvasId of canvasIds)` with `const canvasIds = relations.map((r) => r.canvasId)`: one of the ids of rows read. */
function isElementOfReadIds(identifier: ts.Identifier, scope: WhereScope): boolean {
  const binding = bindingOf(identifier);
  if (!binding || binding.path.length > 0) return false;
  const declaration = binding.declaration;
  // `canvasIds.map((canvasId) => …)`, `forEach`, …: the callback's first parameter.
  if (ts.isParameter(declaration)) {
    const callback = declaration.parent;
    const iteration = callback.parent;
    if (
      !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ||
      callback.parameters[0] !== declaration ||
      !ts.isCallExpression(iteration) ||
      !iteration.arguments.includes(callback)
    )
      return false;
    const method = unwrap(iteration.expression);
    return ts.isPropertyAccessExpression(method) && ELEMENT_CALLBACKS.has(method.name.text) && areIdsOfReadRows(method.expression, scope);
  }
  if (!ts.isVariableDeclaration(declaration)) return false;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0 || !ts.isForOfStatement(list.parent)) return false;
  return areIdsOfReadRows(list.parent.expression, scope);
}

/**
 * `update({ where: { id } })` after `findFirstOrThrow({ where: { id, tenantId } })` on the same model
 * in the same function, on every path to the update (the read is a statement of a block that holds
 * the update): the read throws unless the row with that id is the tenant's, and the id cannot have
 * changed since (a `const`, or a parameter never assigned). Also after a `findFirst`/`findUnique`
 * whose row is checked before the update (see isGuardedRead), and after a `create` of that id with
 * the tenant set.
 */
function isCheckedByEarlierRead(key: string, node: ts.Expression, scope: WhereScope): boolean {
  const value = unwrap(node);
  const current = enclosingModelCall(value);
  const body = current && enclosingFunctionBody(current);
  if (!current || !body) return false;
  const path = unchangedPath(value, body);
  if (path === undefined) return false;
  const model = modelOf(current);
  let checked = false;
  const visit = (candidate: ts.Node): void => {
    if (checked || candidate.pos >= current.pos) return;
    if (ts.isFunctionLike(candidate)) return;
    const operation = ts.isCallExpression(candidate) ? (memberName(unwrap(candidate.expression)) ?? '') : '';
    if (
      ts.isCallExpression(candidate) &&
      candidate !== current &&
      mayBeModelCall(candidate) &&
      modelOf(candidate) === model &&
      !isRejectionSwallowed(candidate) &&
      runsBefore(candidate, current)
    ) {
      const args = candidate.arguments[0] && unwrap(candidate.arguments[0]);
      const section = (name: string) => {
        const found = args && ts.isObjectLiteralExpression(args) ? viewObject(args).properties.get(name) : undefined;
        const inner = found && unwrap(found.value);
        return inner && ts.isObjectLiteralExpression(inner) ? inner : undefined;
      };
      const holds = (object: ts.ObjectLiteralExpression | undefined) => {
        const same = object && viewObject(object).properties.get(key);
        const sameValue = same && unwrap(same.value);
        return sameValue !== undefined && pathText(sameValue) === path;
      };
      const where = section('where');
      if (/OrThrow$/.test(operation) && holds(where) && whereVerdict(where as ts.Expression, scope).kind === 'yes') checked = true;
      // `const row = await findFirst({ where: { id, tenantId } }); if (!row) throw …`, or a read by id
      // whose row's tenant is compared before use: `if (!row || row.tenantId !== tenantId) throw …`.
      else if (
        /^find(?:First|Unique)$/.test(operation) &&
        holds(where) &&
        isGuardedRead(candidate, current, scope, where !== undefined && whereVerdict(where, scope).kind === 'yes')
      )
        checked = true;
      // A row this code created with the tenant set and that id: `create({ data: { id, tenantId } })`.
      else if (operation === 'create') {
        const data = section('data');
        if (holds(data) && whereVerdict(data as ts.Expression, scope).kind === 'yes') checked = true;
      }
    } else if (
      ts.isIdentifier(value) &&
      ts.isCallExpression(candidate) &&
      !mayBeModelCall(candidate) &&
      !isRejectionSwallowed(candidate) &&
      runsBefore(candidate, current) &&
      helperChecksId(candidate, value.text, key, model, scope)
    ) {
      checked = true;
    }
    ts.forEachChild(candidate, visit);
  };
  ts.forEachChild(body, visit);
  return checked;
}

/**
 * `await this.getInstallationOrThrow(installationId, user.uid)`: a private method of the class (see
 * helperOf) that takes the id as a parameter and, on every path, reads the same model by it and the
 * tenant with a read that throws (`…OrThrow`) or that it guards (`if (!row) throw …`).
 */
function helperChecksId(call: ts.CallExpression, id: string, key: string, model: string | undefined, scope: WhereScope): boolean {
  const helper = helperOf(call);
  const index = call.arguments.findIndex((argument) => isName(argument, id));
  const parameter = index >= 0 ? helper?.parameters[index] : undefined;
  if (!helper || !parameter || !ts.isIdentifier(parameter.name) || !helper.body || !ts.isBlock(helper.body)) return false;
  const name = parameter.name.text;
  const body = helper.body;
  let checked = false;
  const visit = (node: ts.Node): void => {
    if (checked || ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && mayBeModelCall(node) && modelOf(node) === model && !isRejectionSwallowed(node) && runsInBlock(node, body)) {
      const operation = memberName(unwrap(node.expression)) ?? '';
      const args = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
      const found = args && ts.isObjectLiteralExpression(args) ? viewObject(args).properties.get('where') : undefined;
      const where = found ? unwrap(found.value) : undefined;
      if (where && ts.isObjectLiteralExpression(where)) {
        const same = viewObject(where).properties.get(key);
        if (same && isName(same.value, name) && whereVerdict(where, scope).kind === 'yes') {
          checked = /^find(?:First|Unique)OrThrow$/.test(operation) || (/^find(?:First|Unique)$/.test(operation) && isGuardedRead(node, body.end, scope, true));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return checked;
}

/**
 * The read's row is held in a `const`, and a statement of the same block, after the read and before
 * `current`, leaves when the row is missing (`if (!row) throw …` / `return`) when the read was
 * pinned, or when its tenant differs (`if (!row || row.tenantId !== tenantId) throw …`) when not.
 */
function isGuardedRead(read: ts.CallExpression, current: ts.Node | number, scope: WhereScope, pinned: boolean): boolean {
  const limit = typeof current === 'number' ? current : current.pos;
  const held = heldRow(read, ts.NodeFlags.Const);
  if (!held) return false;
  const { row, block, statement } = held;
  for (const guard of block.statements.slice(block.statements.indexOf(statement) + 1)) {
    if (guard.pos >= limit) break;
    if (checksRowTenant(guard, row, scope)) return true;
    if (!ts.isIfStatement(guard) || guard.elseStatement || !exits(guard.thenStatement)) continue;
    const conditions = disjuncts(guard.expression);
    const missing = conditions.some(
      (condition) => ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken && isName(condition.operand, row),
    );
    const otherTenant = conditions.some((condition) => comparesTenant(condition, row, scope));
    if (otherTenant || (pinned && missing)) return true;
  }
  return false;
}

/** The variable a read's row is held in (`const row = await read(…)`, declared with one of `kinds`), its statement and the block around it. */
function heldRow(read: ts.CallExpression, kinds: ts.NodeFlags): { row: string; statement: ts.VariableStatement; block: ts.Block | ts.SourceFile } | undefined {
  let node: ts.Node = read;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & kinds) === 0 || !ts.isVariableStatement(list.parent)) return undefined;
  const statement = list.parent;
  const block = statement.parent;
  return ts.isBlock(block) || ts.isSourceFile(block) ? { row: declaration.name.text, statement, block } : undefined;
}

/** Names of functions that throw unless the caller may act: `isOrgMemberOrThrow`, `assertWorkspaceRole`, `ensureOwner`. */
const CHECK_NAME = /(?:OrThrow|OrFail)$|^(?:assert|ensure|check|verify|authorize|require)(?:[A-Z_]|$)/;

/**
 * `isOrgMemberOrThrow(user, project.organizationId)`, `await this.access.assertRole(user,
 * row.workspaceId, 'admin')`: a statement that only calls a check (its result is dropped, so the
 * check acts by throwing) with the row's tenant.
 */
function checksRowTenant(statement: ts.Statement, row: string, scope: WhereScope): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  let call = unwrap(statement.expression);
  if (ts.isAwaitExpression(call)) call = unwrap(call.expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  if (name === undefined || !CHECK_NAME.test(name)) return false;
  return call.arguments.some((argument) => {
    const value = unwrap(argument);
    return ts.isPropertyAccessExpression(value) && scope.fields.includes(value.name.text) && isName(value.expression, row);
  });
}

/**
 * A `findUnique`/`findFirst` by an id alone whose row, held in a `const`, has its tenant checked
 * before anything else uses it: after the read, in the same block, only statements that do not
 * mention the row, `if (!row) throw …` (or `return`), then a check (`checksRowTenant`) or `if
 * (row.tenantId !== tenantId) throw …`. Whatever the row holds reaches the caller only past the check.
 */
export function isCheckedBeforeUse(read: ts.CallExpression, scope: WhereScope): boolean {
  // A `let` too: nothing can assign it before the check, which comes before any mention of it.
  const held = heldRow(read, ts.NodeFlags.Const | ts.NodeFlags.Let);
  if (!held || held.statement.declarationList.declarations.length !== 1) return false;
  const { row, block, statement } = held;
  for (const next of block.statements.slice(block.statements.indexOf(statement) + 1)) {
    if (checksRowTenant(next, row, scope)) return true;
    if (!mentions(next, row)) continue;
    if (!ts.isIfStatement(next) || next.elseStatement || !exits(next.thenStatement) || mentions(next.thenStatement, row)) return false;
    const conditions = disjuncts(next.expression);
    if (conditions.some((condition) => comparesTenant(condition, row, scope) || comparesTenantOfPresentRow(condition, row, scope))) return true;
    if (
      !conditions.every(
        (condition) => ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken && isName(condition.operand, row),
      )
    )
      return false;
  }
  return false;
}

/** `row && row.tenantId !== tenantId`: past it, the row is missing or the tenant's. */
function comparesTenantOfPresentRow(condition: ts.Expression, row: string, scope: WhereScope): boolean {
  return (
    ts.isBinaryExpression(condition) &&
    condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
    isName(condition.left, row) &&
    comparesTenant(unwrap(condition.right), row, scope)
  );
}

function disjuncts(condition: ts.Expression): ts.Expression[] {
  const inner = unwrap(condition);
  return ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.BarBarToken
    ? [...disjuncts(inner.left), ...disjuncts(inner.right)]
    : [inner];
}

/** `row.tenantId !== tenantId` (either side), `row?.tenantId != x`. */
function comparesTenant(condition: ts.Expression, row: string, scope: WhereScope): boolean {
  if (
    !ts.isBinaryExpression(condition) ||
    ![ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(condition.operatorToken.kind)
  )
    return false;
  const isTenantOfRow = (side: ts.Expression) => {
    const access = unwrap(side);
    return ts.isPropertyAccessExpression(access) && scope.fields.includes(access.name.text) && isName(access.expression, row);
  };
  return isTenantOfRow(condition.left) || isTenantOfRow(condition.right);
}

function isName(node: ts.Expression, name: string): boolean {
  const inner = unwrap(node);
  return ts.isIdentifier(inner) && inner.text === name;
}

/** `read().catch(() => null)`: the throw that checked the row is caught and dropped (a handler that throws again keeps it). */
function isRejectionSwallowed(call: ts.CallExpression): boolean {
  const access = call.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== call || !['catch', 'then'].includes(access.name.text)) return false;
  const handlerCall = access.parent;
  if (!ts.isCallExpression(handlerCall)) return false;
  const handler = access.name.text === 'catch' ? handlerCall.arguments[0] : handlerCall.arguments[1];
  if (!handler) return false;
  // A handler passed by name cannot be read here: it may drop the rejection.
  return !((ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) && containsThrow(handler.body));
}

/** The Prisma call whose arguments hold `node`. */
function enclosingModelCall(node: ts.Node): ts.CallExpression | undefined {
  for (let current = node.parent; current && !ts.isFunctionLike(current); current = current.parent) {
    if (ts.isCallExpression(current) && mayBeModelCall(current)) return current;
  }
  return undefined;
}

function enclosingFunctionBody(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return (current as ts.FunctionLikeDeclaration).body;
  return undefined;
}

/** `invoice` in `tx.invoice.update(...)`. */
function modelOf(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? memberName(unwrap(callee.expression)) : undefined;
}

const MAYBE_RUNS = syntaxKindSet(() => [
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.DefaultClause,
  ts.SyntaxKind.CatchClause,
]);
const LAZY_OPERATORS = syntaxKindSet(() => [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/** `node` runs whenever `block` does: no branch, loop, `catch`, nested function or lazy operand between them. */
function runsInBlock(node: ts.Node, block: ts.Block): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    if (current.parent === block) return true;
    if (ts.isFunctionLike(current.parent) || MAYBE_RUNS.has(current.parent.kind)) return false;
    if (ts.isBinaryExpression(current.parent) && current.parent.right === current && LAZY_OPERATORS.has(current.parent.operatorToken.kind)) return false;
    // A `catch` may swallow the helper's throw: it would return without having checked.
    if (ts.isTryStatement(current.parent) && current.parent.catchClause) return false;
  }
  return false;
}

/** The statement holding `earlier` sits in a block that also holds `later`: it runs first on every path to `later`. */
function runsBefore(earlier: ts.Node, later: ts.Node): boolean {
  let statement: ts.Node = earlier;
  while (statement.parent && !(ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) {
    // Code that may not run: another function, a branch, a loop body, the right of `&&`/`||`/`??`.
    if (ts.isFunctionLike(statement.parent) || MAYBE_RUNS.has(statement.parent.kind)) return false;
    if (ts.isBinaryExpression(statement.parent) && statement.parent.right === statement && LAZY_OPERATORS.has(statement.parent.operatorToken.kind))
      return false;
    statement = statement.parent;
  }
  const block = statement.parent;
  if (!block || statement.end > later.pos) return false;
  for (let current: ts.Node | undefined = later.parent; current; current = current.parent) if (current === block) return true;
  return false;
}

/**
 * `id`, or `input.id` / `data.where.id`: a name that cannot change (`isUnchangedName`) and, for a
 * path below it, nothing in the function assigns to or deletes anything below that name, so the
 * same text reads the same value at both calls. The path's text, or undefined.
 */
function unchangedPath(value: ts.Expression, body: ts.Node): string | undefined {
  const path = pathText(value);
  if (path === undefined) return undefined;
  let root: ts.Expression = value;
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root) || !isUnchangedName(root)) return undefined;
  if (root === value) return path;
  const name = root.text;
  let changed = false;
  const below = (target: ts.Expression) => {
    let inner = unwrap(target);
    while (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) inner = unwrap(inner.expression);
    return inner !== unwrap(target) && ts.isIdentifier(inner) && inner.text === name;
  };
  const visit = (node: ts.Node): void => {
    if (changed) return;
    if (isAssignment(node) && below(node.left)) changed = true;
    else if (ts.isDeleteExpression(node) && below(node.expression)) changed = true;
    // `Object.assign(input, …)` may write any key.
    else if (ts.isCallExpression(node) && node.arguments.length > 0 && isName(node.arguments[0], name) && /^Object\.assign$/.test(node.expression.getText()))
      changed = true;
    else ts.forEachChild(node, visit);
  };
  visit(body);
  return changed ? undefined : path;
}

/** `id`, `input.id`, `input?.where.id`: names joined by dots; undefined for anything else. */
function pathText(node: ts.Expression): string | undefined {
  const value = unwrap(node);
  if (ts.isIdentifier(value)) return value.text;
  if (!ts.isPropertyAccessExpression(value)) return undefined;
  const owner = pathText(value.expression);
  return owner === undefined ? undefined : `${owner}.${value.name.text}`;
}

/** `x = …`, `x += …`, `x ??= …`: any assignment. */
function isAssignment(node: ts.Node): node is ts.AssignmentExpression<ts.AssignmentOperatorToken> {
  return ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** A `const`, or a parameter nothing assigns to. */
function isUnchangedName(identifier: ts.Identifier): boolean {
  const binding = bindingOf(identifier);
  if (!binding) return false;
  const declaration = binding.declaration;
  if (ts.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
  }
  const owner = declaration.parent;
  let assigned = false;
  const visit = (node: ts.Node): void => {
    if (assigned) return;
    if (isAssignment(node) && ts.isIdentifier(unwrap(node.left)) && (unwrap(node.left) as ts.Identifier).text === identifier.text) assigned = true;
    else ts.forEachChild(node, visit);
  };
  if ('body' in owner && owner.body) visit(owner.body as ts.Node);
  return !assigned;
}

/** A row's own id or a foreign key it holds: `id`, `projectId`, `collectionID`, `owner_id`. */
export function isReferenceKey(key: string): boolean {
  return /(?:^id|Id|ID|_id)$/.test(key);
}

/** An id-like name, or a field the schema declares `@id` or `@unique`. */
function isRowKey(key: string, scope: WhereScope): boolean {
  return isReferenceKey(key) || (scope.rowKeys?.has(key) ?? false);
}

/** `row`, `rows[0]`, `rows[rows.length - 1]`: a row the function read (or wrote). */
function isReadRow(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return readsRow(node, []);
  if (!ts.isElementAccessExpression(node)) return false;
  const rows = unwrap(node.expression);
  return ts.isIdentifier(rows) && (readsRow(rows, []) || holdsPushedRows(rows));
}

/**
 * A local `const` list that starts empty and only ever gets rows a Prisma call returned pushed
 * into it: `posts.push(await tx.post.upsert(...))`.
 */
function holdsPushedRows(identifier: ts.Identifier): boolean {
  const binding = bindingOf(identifier);
  if (!binding || binding.path.length > 0 || !ts.isVariableDeclaration(binding.declaration)) return false;
  const list = binding.declaration.parent;
  const initializer = binding.declaration.initializer && unwrap(binding.declaration.initializer);
  if (
    !ts.isVariableDeclarationList(list) ||
    (list.flags & ts.NodeFlags.Const) === 0 ||
    !initializer ||
    !ts.isArrayLiteralExpression(initializer) ||
    initializer.elements.length > 0
  )
    return false;
  const name = identifier.text;
  let pushes = 0;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name && ARRAY_MUTATORS.has(node.name.text)) {
      const call = node.parent;
      const pushed =
        ts.isCallExpression(call) && call.expression === node && node.name.text === 'push' && call.arguments.length === 1
          ? unwrap(call.arguments[0])
          : undefined;
      const written = pushed && ts.isAwaitExpression(pushed) ? unwrap(pushed.expression) : pushed;
      if (written && ts.isCallExpression(written) && mayBeModelCall(written) && ROW_RETURNING.test(memberName(unwrap(written.expression)) ?? '')) pushes++;
      else other = true;
    } else if (
      isAssignment(node) &&
      ts.isElementAccessExpression(node.left) &&
      ts.isIdentifier(unwrap(node.left.expression)) &&
      (unwrap(node.left.expression) as ts.Identifier).text === name
    ) {
      other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(list.parent.parent);
  return pushes > 0 && !other;
}

/**
 * `let row = null; if (key) row = await prisma.file.findFirst(...)`: a `let` that starts empty and is
 * only ever given what a Prisma find, create or change returned (each such call's tenant is checked
 * where it is made), so whenever it holds a row, it is a row read.
 */
function isLetOfRows(declaration: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  const isRowCall = (node: ts.Expression | undefined): boolean => {
    let value = node && unwrap(node);
    if (value && ts.isAwaitExpression(value)) value = unwrap(value.expression);
    return value !== undefined && ts.isCallExpression(value) && mayBeModelCall(value) && ROW_RETURNING.test(memberName(unwrap(value.expression)) ?? '');
  };
  const initializer = declaration.initializer && unwrap(declaration.initializer);
  if (initializer && !isNothingValue(initializer) && !isRowCall(initializer)) return false;
  let rows = initializer && !isNothingValue(initializer) ? 1 : 0;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (isAssignment(node) && ts.isIdentifier(unwrap(node.left)) && (unwrap(node.left) as ts.Identifier).text === name) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && (isRowCall(node.right) || isNothingValue(unwrap(node.right))))
        rows += isRowCall(node.right) ? 1 : 0;
      // `rows = rows.filter(…)`: some of the same rows.
      else if (!(node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isSelectionOf(unwrap(node.right), name))) other = true;
    }
    ts.forEachChild(node, visit);
  };
  // At module level any code may assign it: not followed.
  const scope = enclosingFunctionBody(declaration);
  if (!scope) return false;
  visit(scope);
  return rows > 0 && !other;
}

function isSelectionOf(value: ts.Expression, name: string): boolean {
  if (!ts.isCallExpression(value)) return false;
  const method = unwrap(value.expression);
  return ts.isPropertyAccessExpression(method) && ELEMENT_SELECTORS.has(method.name.text) && method.name.text !== 'concat' && isName(method.expression, name);
}

function isNothingValue(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || isUndefinedValue(node);
}

/** Prisma operations that return the row they found, created or changed. */
const ROW_RETURNING = /^(?:find|create|upsert|update$)/;

function readsRow(identifier: ts.Identifier, path: readonly string[], depth = 0): boolean {
  const binding = bindingOf(identifier);
  if (!binding) return false;
  // `const [first] = rows`: an element of the rows read is a row read.
  const bound =
    binding.path.length > 0 && /^\d+$/.test(binding.path[0]) && ts.isVariableDeclaration(binding.declaration) ? binding.path.slice(1) : binding.path;
  if (bound.join('.') !== path.join('.')) return false;
  const declaration = binding.declaration;
  // A decorated parameter (`@Body() user: User`) is what the client sent, whatever its type says.
  if (ts.isParameter(declaration) && depth === 0 && path.length === 0 && !ts.getDecorators(declaration)?.length && isPrismaRowType(declaration.type))
    return true;
  // `rows.map((row) => ...)`, `rows.forEach(...)`: an element of rows read with Prisma.
  if (ts.isParameter(declaration)) {
    const callback = declaration.parent;
    const iteration = callback.parent;
    if (depth > 0 || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) || callback.parameters[0] !== declaration) return false;
    if (!ts.isCallExpression(iteration) || !iteration.arguments.includes(callback) || !ts.isPropertyAccessExpression(iteration.expression)) return false;
    if (!ELEMENT_CALLBACKS.has(iteration.expression.name.text)) return false;
    const rows = unwrap(iteration.expression.expression);
    return ts.isIdentifier(rows) && readsRow(rows, [], depth + 1);
  }
  const list = declaration.parent;
  if (ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Let) !== 0 && bound.length === 0) return isLetOfRows(declaration);
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  // `for (const row of rows)`.
  if (ts.isForOfStatement(list.parent) && depth === 0) {
    const rows = unwrap(list.parent.expression);
    return ts.isIdentifier(rows) && readsRow(rows, [], depth + 1);
  }
  let initializer = declaration.initializer && unwrap(declaration.initializer);
  if (initializer && ts.isIdentifier(initializer) && depth === 0) {
    // `const [first] = rows`: an element of the rows read.
    if (bound !== binding.path) return readsRow(initializer, [], depth + 1);
    // `const { fileId } = driveFile`: a field of a row read, or of a row-typed parameter, as `driveFile.fileId` is.
    if (binding.path.length > 0) return readsRow(initializer, [], depth);
  }
  // `const first = rows.slice(0, limit)`: some of the rows read.
  if (
    initializer &&
    ts.isCallExpression(initializer) &&
    ELEMENT_SELECTORS.has(memberName(unwrap(initializer.expression)) ?? '') &&
    path.length === 0 &&
    depth < 3
  ) {
    const source = unwrap((unwrap(initializer.expression) as ts.PropertyAccessExpression).expression);
    return ts.isIdentifier(source) && readsRow(source, [], depth + 1);
  }
  if (initializer && ts.isAwaitExpression(initializer)) initializer = unwrap(initializer.expression);
  if (!initializer || !ts.isCallExpression(initializer) || !mayBeModelCall(initializer)) return false;
  // A row found, or one this code created or changed (its tenant is checked at that call).
  return ROW_RETURNING.test(memberName(unwrap(initializer.expression)) ?? '');
}

function areIdsOfReadRows(node: ts.Expression, scope: WhereScope, depth = 0): boolean {
  const value = unwrap(node);
  // `const ids = rows.map((row) => row.id)` declared above and never changed.
  if (ts.isIdentifier(value)) {
    const list = depth < 3 ? constArray(value) : undefined;
    return list !== undefined && areIdsOfReadRows(list, scope, depth + 1);
  }
  if (!ts.isCallExpression(value) || memberName(unwrap(value.expression)) !== 'map') return false;
  let rows = unwrap((unwrap(value.expression) as ts.PropertyAccessExpression).expression);
  // `rows.filter(…).map(…)`: some of the rows read.
  while (
    ts.isCallExpression(rows) &&
    ELEMENT_SELECTORS.has(memberName(unwrap(rows.expression)) ?? '') &&
    ts.isPropertyAccessExpression(unwrap(rows.expression))
  )
    rows = unwrap((unwrap(rows.expression) as ts.PropertyAccessExpression).expression);
  const callback = value.arguments[0] && unwrap(value.arguments[0]);
  if (!ts.isIdentifier(rows) || !callback || !ts.isArrowFunction(callback) || ts.isBlock(callback.body)) return false;
  const returned = unwrap(callback.body);
  const parameter = callback.parameters[0];
  return (
    parameter !== undefined &&
    ts.isIdentifier(parameter.name) &&
    ts.isPropertyAccessExpression(returned) &&
    // `row.id`, `row.scheduleId`, `row.pk`: as for one row, a key the row holds.
    isRowKey(returned.name.text, scope) &&
    ts.isIdentifier(unwrap(returned.expression)) &&
    (unwrap(returned.expression) as ts.Identifier).text === parameter.name.text &&
    readsRow(rows, [])
  );
}

/** Methods that change an array in place: a list they are called on may hold anything. */
const ARRAY_MUTATORS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin']);
/** Methods that return some of an array's elements: rows taken from rows are rows. */
const ELEMENT_SELECTORS: ReadonlySet<string> = new Set(['slice', 'filter', 'concat']);

/** The initializer of a local `const` list that nothing in its scope changes in place or through an index. */
function constArray(identifier: ts.Identifier): ts.Expression | undefined {
  const binding = bindingOf(identifier);
  if (!binding || binding.path.length > 0 || !ts.isVariableDeclaration(binding.declaration) || !binding.declaration.initializer) return undefined;
  const list = binding.declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  const name = identifier.text;
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name && ARRAY_MUTATORS.has(node.name.text))
      changed = true;
    else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isElementAccessExpression(node.left) &&
      ts.isIdentifier(node.left.expression) &&
      node.left.expression.text === name
    )
      changed = true;
    else ts.forEachChild(node, visit);
  };
  visit(list.parent.parent);
  return changed ? undefined : binding.declaration.initializer;
}

/** The generated Prisma client, where model row types come from (`@prisma/client`, `…/generated/prisma/client`). */
const PRISMA_CLIENT_MODULE = /(?:^@prisma\/client$|(?:^|\/)prisma\/client(?:\/index)?$|^\.prisma\/client)/;
const moduleBindings = new WeakMap<ts.SourceFile, ModuleBindings>();

/**
 * A parameter typed with a model's row type from the generated client (`collection: TeamCollection`,
 * also imported under another name): its value is a row the caller read from the database, whose
 * id the client did not choose.
 */
function isPrismaRowType(type: ts.TypeNode | undefined): boolean {
  // `ShareRecord | null`: a row, when there is one.
  if (type && ts.isUnionTypeNode(type)) {
    const rows = type.types.filter(
      (member) => !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword) && member.kind !== ts.SyntaxKind.UndefinedKeyword,
    );
    return rows.length === 1 && isPrismaRowType(rows[0]);
  }
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeArguments) return false;
  const sourceFile = type.getSourceFile();
  let bindings = moduleBindings.get(sourceFile);
  if (!bindings) moduleBindings.set(sourceFile, (bindings = collectModuleBindings(sourceFile)));
  const binding = bindings.get(type.typeName.text);
  return binding !== undefined && binding.path.length === 1 && PRISMA_CLIENT_MODULE.test(binding.module) && /^[A-Z]/.test(binding.path[0]);
}

/** Array methods whose callback's first parameter is an element of the array. */
const ELEMENT_CALLBACKS: ReadonlySet<string> = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'some', 'every']);

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
  // `data: rows` with `const rows = items.map((item) => ({ …, tenantId }))` above, never changed.
  const declared = ts.isIdentifier(value) ? constArray(value) : undefined;
  const mapped = mappedRow(declared ? unwrap(declared) : value);
  return mapped ? [mapped] : unknown(data);
}

function mappedRow(value: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(value) || memberName(unwrap(value.expression)) !== 'map') return undefined;
  const callback = value.arguments[0] && unwrap(value.arguments[0]);
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  if (!ts.isBlock(callback.body)) return callback.body;
  // Statements may prepare the row; one `return` says what it is.
  const returns = returnsOf(callback.body);
  return returns.length === 1 && returns[0].expression ? returns[0].expression : undefined;
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
  // A spread of one of two objects pins the tenant only when both do.
  for (const alternative of view.alternatives) verdicts.push(allOf(alternative.branches.map((branch) => objectVerdict(branch, keyVerdict))));
  return anyOf(verdicts);
}

function whereKeyVerdict(key: string, value: ts.Expression, scope: WhereScope, depth: number): Verdict {
  if (scope.fields.includes(key)) return isUndefinedValue(value) ? NO : YES;
  if (key === 'AND') return conditionsVerdict(value, scope, anyOf, depth);
  if (key === 'OR') return conditionsVerdict(value, scope, allOf, depth);
  if (key === 'NOT') return NO;
  // Prisma names a compound unique key after its fields: `tenantId_email`.
  if (key.split('_').some((part) => scope.fields.includes(part))) return YES;
  if (isRowKey(key, scope) && (isReferenceOfReadRow(value, scope) || isCheckedByEarlierRead(key, value, scope))) return YES;
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
