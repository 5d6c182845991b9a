import { ts } from 'ts-morph';
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

/**
 * `<client>.<model>.<operation>(args)` where the client is one of `clients` (`prisma.x`,
 * `this.prisma.x`), the callback parameter of `$transaction(async (tx) => ...)`, or a parameter or
 * class member declared as `PrismaClient`, `Prisma.TransactionClient` or `PrismaService`.
 */
export function prismaCallOf(node: ts.CallExpression, clients: ReadonlySet<string>): PrismaCall | undefined {
  const callee = unwrap(node.expression);
  const operation = memberName(callee);
  if (operation === undefined || !(FILTERED_OPERATIONS.has(operation) || CREATING_OPERATIONS.has(operation))) return undefined;
  const modelAccess = unwrap((callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  const model = memberName(modelAccess);
  // `$`-members (`$transaction`, `$queryRaw`) are the client's own API, not models.
  if (model === undefined || model.startsWith('$')) return undefined;
  const client = unwrap((modelAccess as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  if (!isClient(client, clients)) return undefined;
  return { node, model, operation, args: node.arguments[0] };
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
