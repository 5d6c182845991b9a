import { ts } from '../../../../lazy/typescript';
import type { ModuleBindings } from '../../rule-utils/qualified-call-name';
import { decoratorArguments, decoratorsOf, importedDecoratorName, NEST_COMMON } from './nest-decorators';

export interface BodyParameter {
  parameter: ts.ParameterDeclaration;
  /** The extracted field of `@Body('field')`; undefined when the parameter receives the whole body. */
  field?: string;
  /** The pipes passed to the decorator. */
  pipes: readonly ts.Expression[];
}

/** The parameter as a request body parameter, when it has Nest's `@Body()` decorator. */
export function bodyParameter(parameter: ts.ParameterDeclaration, bindings: ModuleBindings): BodyParameter | undefined {
  const decorator = decoratorsOf(parameter).find((candidate) => importedDecoratorName(candidate, bindings, NEST_COMMON) === 'Body');
  if (!decorator) return undefined;
  const [first, ...rest] = decoratorArguments(decorator);
  if (first !== undefined && ts.isStringLiteralLike(first)) return { parameter, field: first.text, pipes: rest };
  return { parameter, pipes: first === undefined ? [] : [first, ...rest] };
}

/**
 * A pipe that checks the value by itself (`ParseIntPipe`, a schema pipe). `ValidationPipe` does
 * not: it validates against the parameter's declared class, and skips primitives and `Object`.
 */
export function hasValidatingPipe(body: BodyParameter): boolean {
  return body.pipes.some((pipe) => {
    const target = ts.isNewExpression(pipe) ? pipe.expression : pipe;
    const name = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
    return name !== 'ValidationPipe';
  });
}

/**
 * The class name a type refers to, looking through arrays: `CreateUserDto` for `CreateUserDto`,
 * `CreateUserDto[]`, `Array<CreateUserDto>` and `CreateUserDto | undefined`; `dto.CreateUserDto` gives the qualified parts.
 */
export function referencedTypeName(type: ts.TypeNode | undefined): { qualifier?: string; name: string } | undefined {
  if (type === undefined) return undefined;
  if (ts.isParenthesizedTypeNode(type) || (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword))
    return referencedTypeName(type.type);
  if (ts.isArrayTypeNode(type)) return referencedTypeName(type.elementType);
  if (ts.isUnionTypeNode(type)) {
    const members = type.types.filter(
      (member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword),
    );
    return members.length === 1 ? referencedTypeName(members[0]) : undefined;
  }
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const typeName = type.typeName;
  if (ts.isIdentifier(typeName)) {
    return isArrayName(typeName.text) ? referencedTypeName(type.typeArguments?.[0]) : { name: typeName.text };
  }
  return ts.isIdentifier(typeName.left) ? { qualifier: typeName.left.text, name: typeName.right.text } : undefined;
}

export function isArrayName(name: string): boolean {
  return name === 'Array' || name === 'ReadonlyArray';
}
