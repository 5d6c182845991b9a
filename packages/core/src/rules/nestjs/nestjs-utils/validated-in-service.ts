import { ts } from '../../../../lazy/typescript';
import { mentions } from '../../rule-utils/mentions';
import { lookupDto, type DtoLookupHost } from './dto-lookup';

/** A schema's `parse`, `safeParse`, `parseAsync` (zod, valibot): only as a method. */
const SCHEMA_PARSE = /^(?:safe)?[pP]arse(?:Async)?$/;
/** Receivers whose `parse` reads text, not a schema. */
const TEXT_PARSERS = new Set(['JSON', 'qs', 'querystring', 'url', 'path', 'Date', 'YAML', 'yaml', 'toml', 'csv']);
const CLASS_VALIDATOR_CALLS = new Set(['validate', 'validateOrReject', 'validateSync']);

/**
 * The first call of the handler that takes the body (`this.posts.mapTypeToPost(rawBody, …)`) hands
 * it to a method of an injected service that validates what it gets: `new ValidationPipe(…)` and
 * its `transform(value, { metatype })`, class-validator's `validate`/`validateOrReject`/
 * `validateSync`, or a schema's `parse`. The service's class is found through the type of the
 * constructor parameter (or property) it is injected as, read like a DTO: declared in the
 * controller's file, imported by a relative path, a path alias or a workspace package's name.
 */
export function validatedInService(parameter: ts.ParameterDeclaration, host: DtoLookupHost): boolean {
  const handler = parameter.parent;
  if (!ts.isIdentifier(parameter.name) || !ts.isMethodDeclaration(handler) || !handler.body || !ts.isClassLike(handler.parent)) return false;
  const call = firstCallTaking(handler.body, parameter.name.text);
  const callee = call && call.expression;
  if (
    !callee ||
    !ts.isPropertyAccessExpression(callee) ||
    !ts.isPropertyAccessExpression(callee.expression) ||
    callee.expression.expression.kind !== ts.SyntaxKind.ThisKeyword
  )
    return false;
  const serviceType = injectedTypeName(handler.parent, callee.expression.name.text);
  if (serviceType === undefined) return false;
  const found = lookupDto(host, { name: serviceType });
  if (found.kind !== 'class') return false;
  const method = found.declaration.members.find(
    (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === callee.name.text && member.body !== undefined,
  );
  return method?.body !== undefined && validates(method.body);
}

/** In source order, the outermost call whose arguments mention `name`. */
function firstCallTaking(body: ts.Node, name: string): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node.arguments.some((argument) => mentions(argument, name))) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** `constructor(private posts: PostsService)` or `private readonly posts: PostsService`: the type's name. */
function injectedTypeName(service: ts.ClassLikeDeclaration, property: string): string | undefined {
  for (const member of service.members) {
    if (ts.isConstructorDeclaration(member)) {
      const parameter = member.parameters.find(
        (candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === property && ts.getModifiers(candidate)?.length,
      );
      if (parameter) return typeName(parameter.type);
    } else if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === property) {
      return typeName(member.type);
    }
  }
  return undefined;
}

function typeName(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments ? type.typeName.text : undefined;
}

function validates(body: ts.Node): boolean {
  let pipe = false;
  let transform = false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'ValidationPipe') pipe = true;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name === 'transform') transform = true;
      if (name !== undefined && CLASS_VALIDATOR_CALLS.has(name)) found = true;
      if (ts.isPropertyAccessExpression(callee) && isSchemaParse(callee)) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found || (pipe && transform);
}

/** `schema.parse(…)`, `schema.safeParseAsync(…)`; not `JSON.parse`, `qs.parse`, which read text. */
export function isSchemaParse(callee: ts.PropertyAccessExpression): boolean {
  return SCHEMA_PARSE.test(callee.name.text) && !(ts.isIdentifier(callee.expression) && TEXT_PARSERS.has(callee.expression.text));
}
