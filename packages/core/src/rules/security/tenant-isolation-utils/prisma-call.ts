import { ts } from '../../../../lazy/typescript';
import { bindingOf } from './bindings';
import { memberName, unwrap } from './syntax';

/** Operations that select rows through `where`. */
export const FILTERED_OPERATIONS: ReadonlySet<string> = new Set([
  'findMany',
  'findFirst',
  'findFirstOrThrow',
  'findUnique',
  'findUniqueOrThrow',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
  'count',
  'aggregate',
  'groupBy',
]);

/** Operations that insert rows, with the argument that holds the new row(s). */
export const CREATING_OPERATIONS: ReadonlyMap<string, 'data' | 'create'> = new Map([
  ['create', 'data'],
  ['createMany', 'data'],
  ['createManyAndReturn', 'data'],
  ['upsert', 'create'],
]);

/** A cheap text pre-check for files that may call one of the operations. */
export const OPERATION_KEYWORD = /(?:\.\s*|\[\s*['"`])(?:find(?:Many|First|Unique)|create|update|upsert|delete|count|aggregate|groupBy)/;

/** Declared types that make a parameter or a class member a Prisma client. */
const PRISMA_CLIENT_TYPE = /\b(?:PrismaClient|TransactionClient|PrismaService)\b/;

export interface PrismaCall {
  node: ts.CallExpression;
  /** The model's client accessor: `invoice` in `prisma.invoice.findMany()`. */
  model: string;
  operation: string;
  /** The first argument, if any. */
  args?: ts.Expression;
}

/** `<client>[expression].<operation>(...)`: a model chosen at run time, which no check can place. */
export interface DynamicModelCall {
  node: ts.CallExpression;
  /** The expression that names the model. */
  modelExpression: ts.Expression;
  operation: string;
}

/**
 * `<receiver>.<model>.<operation>(args)`: a Prisma call when the receiver is a known client (one
 * of `clients`, as `prisma.x` or `this.prisma.x`, the callback parameter of
 * `$transaction(async (tx) => ...)`, a parameter or class member declared as `PrismaClient`,
 * `Prisma.TransactionClient` or `PrismaService`), or whatever the receiver is when `<model>` is
 * one of `models`: apps reach Prisma through repositories and wrappers
 * (`this._posts.model.post.findMany()`), and a schema's model name before a Prisma operation is
 * Prisma whatever holds the client. A model given by a variable on a known client is a
 * `DynamicModelCall`.
 */
export function prismaCallOf(
  node: ts.CallExpression,
  clients: ReadonlySet<string>,
  models: ReadonlySet<string> = new Set(),
): PrismaCall | DynamicModelCall | undefined {
  const callee = unwrap(node.expression);
  const operation = memberName(callee);
  if (operation === undefined || !(FILTERED_OPERATIONS.has(operation) || CREATING_OPERATIONS.has(operation))) return undefined;
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const modelAccess = unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(modelAccess) && !ts.isElementAccessExpression(modelAccess)) return undefined;
  const model = memberName(modelAccess);
  const client = unwrap(modelAccess.expression);
  if (model === undefined) {
    return ts.isElementAccessExpression(modelAccess) && isClient(client, clients)
      ? { node, modelExpression: modelAccess.argumentExpression, operation }
      : undefined;
  }
  // `$`-members (`$transaction`, `$queryRaw`) are the client's own API, not models.
  if (model.startsWith('$')) return undefined;
  if (!models.has(model) && !isClient(client, clients)) return undefined;
  return { node, model, operation, args: node.arguments[0] };
}

/** A call whose model is known (as opposed to one chosen at run time). */
export function isModelCall(call: PrismaCall | DynamicModelCall): call is PrismaCall {
  return 'model' in call;
}

/** `<expr>.<name>.<operation>(...)` with a Prisma operation: the shape every model call has, before anything is read to confirm it. */
export function mayBeModelCall(node: ts.CallExpression): boolean {
  const callee = unwrap(node.expression);
  const operation = memberName(callee);
  if (operation === undefined || !(FILTERED_OPERATIONS.has(operation) || CREATING_OPERATIONS.has(operation))) return false;
  const modelAccess = unwrap((callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  return ts.isPropertyAccessExpression(modelAccess) || ts.isElementAccessExpression(modelAccess);
}

function isClient(node: ts.Expression, clients: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node)) return clients.has(node.text) || isClientParameter(node);
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    return clients.has(node.name.text) || isClientMember(node, node.name.text);
  }
  return false;
}

/** `tx` in `$transaction(async (tx) => ...)`, or `client: Prisma.TransactionClient`. */
function isClientParameter(identifier: ts.Identifier): boolean {
  const binding = bindingOf(identifier);
  if (!binding || binding.path.length > 0 || !ts.isParameter(binding.declaration)) return false;
  const parameter = binding.declaration;
  if (parameter.type && PRISMA_CLIENT_TYPE.test(parameter.type.getText())) return true;
  const callback = parameter.parent;
  const call = callback.parent;
  return (
    (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) &&
    callback.parameters[0] === parameter &&
    ts.isCallExpression(call) &&
    call.arguments.includes(callback) &&
    memberName(unwrap(call.expression)) === '$transaction'
  );
}

/** `this.repo` where the class declares `repo: PrismaService` (a property or a constructor parameter property). */
function isClientMember(node: ts.Node, name: string): boolean {
  const owner = enclosingClass(node);
  if (!owner) return false;
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && propertyIs(member, name)) return true;
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.length && hasClientType(parameter)) return true;
      }
    }
  }
  return false;
}

function propertyIs(member: ts.PropertyDeclaration, name: string): boolean {
  return ts.isIdentifier(member.name) && member.name.text === name && hasClientType(member);
}

function hasClientType(declaration: ts.PropertyDeclaration | ts.ParameterDeclaration): boolean {
  return declaration.type !== undefined && PRISMA_CLIENT_TYPE.test(declaration.type.getText());
}

/** The class whose `this` the node sees: arrow functions keep it, other functions rebind it. */
function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}
