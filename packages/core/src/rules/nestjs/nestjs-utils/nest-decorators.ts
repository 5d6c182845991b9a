import { defineFileService } from '../../../engine/rule-services';
import { ts } from '../../../../lazy/typescript';
import { collectModuleBindings, type ModuleBindings } from '../../rule-utils/qualified-call-name';

export const NEST_COMMON = '@nestjs/common';

/** Every `nestjs/*` rule's pre-check: files that never mention the package are not parsed for the pack. */
export const NEST_KEYWORDS: readonly string[] = [NEST_COMMON];

/**
 * The file's module bindings when it imports from `@nestjs/common`, undefined otherwise: the
 * keyword also matches a comment or a string, and a decorator named `Body` from another framework
 * (routing-controllers has one) must not be taken for Nest's.
 */
export function nestBindings(sourceFile: ts.SourceFile): ModuleBindings | undefined {
  const bindings = collectModuleBindings(sourceFile);
  for (const binding of bindings.values()) if (binding.module === NEST_COMMON) return bindings;
  return undefined;
}

/** `nestBindings` of the file being checked, collected once for every NestJS rule that asks. */
export const fileNestBindings = defineFileService('NestJS bindings', ({ sourceFile }) => nestBindings(sourceFile));

export function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
}

/** `X` for `@X`, `@X()` and `@ns.X()`. */
function calleeOf(decorator: ts.Decorator): ts.Expression {
  const expression = decorator.expression;
  return ts.isCallExpression(expression) ? expression.expression : expression;
}

export function decoratorArguments(decorator: ts.Decorator): readonly ts.Expression[] {
  return ts.isCallExpression(decorator.expression) ? decorator.expression.arguments : [];
}

/** The export a decorator stands for when it comes from `module` (`Body` for `@B()` after `import { Body as B }`, or for `@nest.Body()`). */
export function importedDecoratorName(decorator: ts.Decorator, bindings: ModuleBindings, module: string): string | undefined {
  const callee = calleeOf(decorator);
  if (ts.isIdentifier(callee)) {
    const binding = bindings.get(callee.text);
    return binding?.module === module && binding.path.length === 1 ? binding.path[0] : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const binding = bindings.get(callee.expression.text);
    return binding?.module === module && binding.path.length === 0 ? callee.name.text : undefined;
  }
  return undefined;
}

/**
 * The names a user may have configured a decorator under: the name written at the use site and,
 * for an aliased import, the exported name. Custom decorators (`@Auth()`) come from anywhere.
 */
export function decoratorNames(decorator: ts.Decorator, bindings: ModuleBindings): string[] {
  const callee = calleeOf(decorator);
  if (ts.isPropertyAccessExpression(callee)) return [callee.name.text];
  if (!ts.isIdentifier(callee)) return [];
  const exported = bindings.get(callee.text)?.path;
  return exported?.length === 1 && exported[0] !== callee.text ? [callee.text, exported[0]] : [callee.text];
}

/** The module a decorator is imported from (`class-validator` for `@IsString()` or `@v.IsString()`). */
export function decoratorModule(decorator: ts.Decorator, bindings: ModuleBindings): string | undefined {
  const callee = calleeOf(decorator);
  const local = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : undefined;
  return local === undefined ? undefined : bindings.get(local.text)?.module;
}

export function hasNestDecorator(node: ts.Node, name: string, bindings: ModuleBindings): boolean {
  return decoratorsOf(node).some((decorator) => importedDecoratorName(decorator, bindings, NEST_COMMON) === name);
}

/** The class a member belongs to, when it is one of its methods, accessors, properties or its constructor. */
export function classOfMember(member: ts.Node): ts.ClassLikeDeclaration | undefined {
  const parent = member.parent;
  return parent !== undefined && ts.isClassLike(parent) ? parent : undefined;
}

/**
 * The class whose instance `this` refers to at `node`: arrow functions keep the enclosing `this`,
 * any other function replaces it.
 */
export function classOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  let child: ts.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (ts.isClassLike(current)) return ts.isClassElement(child) && !isStatic(child) ? current : undefined;
    const isMember = ts.isClassElement(current) && ts.isClassLike(current.parent);
    if (ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !isMember) return undefined;
  }
  return undefined;
}

function isStatic(member: ts.ClassElement): boolean {
  if (ts.isClassStaticBlockDeclaration(member)) return true;
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/** `x` for `this.x` and `this.#x`, else undefined. */
export function thisPropertyName(node: ts.Node): string | undefined {
  if (!ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return ts.isPrivateIdentifier(node.name) ? node.name.text.slice(1) : node.name.text;
}

/** `Name` of a class, or `(anonymous class)`. */
export function className(node: ts.ClassLikeDeclaration): string {
  return node.name?.text ?? '(anonymous class)';
}

/** A list of names for a message, shortened after `max`. */
export function listForMessage(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
