import { ts } from '../../../lazy/typescript';
import { syntaxKindSet } from '../../engine/syntax-kind-set';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { bodyParameter, hasValidatingPipe, isArrayName, type BodyParameter } from './nestjs-utils/body-parameter';
import { NEST_KEYWORDS, fileNestBindings } from './nestjs-utils/nest-decorators';
import { isSchemaParse, validatedInService } from './nestjs-utils/validated-in-service';
import { FOLLOWS_IMPORTS } from '../rule-utils/module-paths';

/**
 * Types that erase to `Object` or a primitive at run time: `ValidationPipe` has no class to
 * validate against, so whatever the client sends reaches the handler.
 */
const looseTypeNames = new Set([
  'Object',
  'Record',
  'String',
  'Number',
  'Boolean',
  'BigInt',
  'Symbol',
  'Function',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
]);

const keywordTypes = syntaxKindSet(() => [
  ts.SyntaxKind.AnyKeyword,
  ts.SyntaxKind.UnknownKeyword,
  ts.SyntaxKind.ObjectKeyword,
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.BigIntKeyword,
  ts.SyntaxKind.SymbolKeyword,
  ts.SyntaxKind.NeverKeyword,
  ts.SyntaxKind.UndefinedKeyword,
  ts.SyntaxKind.VoidKeyword,
]);

/**
 * The request body is untrusted input. NestJS validates it only when the parameter is typed with
 * a class (a DTO) that `ValidationPipe` can check, or when a pipe checks the value itself.
 */
export default defineRule({
  id: 'nestjs/body-requires-dto',
  meta: {
    category: 'nestjs',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Require `@Body()` parameters to be typed with a DTO class, not `any`, a primitive, `Record` or an inline object type.',
      rationale:
        'ValidationPipe validates a request body only against a class; a body typed any, object, Record or an inline type ' +
        'reaches the handler unchecked, whatever the client sent.',
    },
    messages: {
      untypedBody:
        '@Body() parameter "{{name}}" has no type, so nothing validates the request body: type it with a DTO class that has class-validator decorators.',
      looseBody:
        '@Body() parameter "{{name}}" is typed "{{type}}", which ValidationPipe cannot check: type it with a DTO class that has class-validator decorators.',
      unvalidatedField:
        '@Body(\'{{field}}\') reads a field typed "{{type}}" that no pipe checks: pass a validating pipe (e.g. ParseIntPipe) or ' +
        'move the field into a DTO class.',
    },
    hints: {
      untypedBody: 'Type the parameter with a DTO class whose properties carry class-validator decorators: `@Body() {{name}}: CreateItemDto`.',
      looseBody:
        'Replace "{{type}}" with a DTO class whose properties carry class-validator decorators (`@Body() {{name}}: ' +
        'CreateItemDto`), or pass a schema pipe: `@Body(new ZodValidationPipe(schema))`.',
      unvalidatedField:
        "Pass a validating pipe as the second argument, e.g. `@Body('{{field}}', ParseIntPipe)` or `ParseUUIDPipe`, or type the field with a DTO class.",
    },
    options: defineOptions({
      checkFields: option.boolean({
        default: true,
        description: "Also report `@Body('field')` parameters with a primitive or loose type and no validating pipe.",
      }),
    }),
    keywords: NEST_KEYWORDS,
    // The service a body is handed to is read like a DTO.
    ...FOLLOWS_IMPORTS,
  },
  create(context) {
    let bindings: ModuleBindings | undefined;
    const check = (body: BodyParameter) => {
      const { parameter } = body;
      const type = parameter.type;
      const name = parameter.name.getText();
      if (body.field !== undefined) {
        if (
          !context.options.checkFields ||
          hasValidatingPipe(body) ||
          (type !== undefined && !isLoose(type)) ||
          checksTypeOf(parameter) ||
          validatedFirst(parameter)
        )
          return;
        context.report({ node: parameter, messageId: 'unvalidatedField', data: { field: body.field, type: type === undefined ? 'untyped' : shortText(type) } });
      } else if (hasValidatingPipe(body) || validatedFirst(parameter) || (type?.kind === ts.SyntaxKind.UnknownKeyword && narrowedWithoutCast(parameter))) {
        return;
      } else if ((type === undefined || isLoose(type)) && validatedInService(parameter, context)) {
        return;
      } else if (type === undefined) {
        context.report({ node: parameter, messageId: 'untypedBody', data: { name } });
      } else if (isLoose(type)) {
        context.report({ node: parameter, messageId: 'looseBody', data: { name, type: shortText(type) } });
      }
    };
    return {
      SourceFile(node) {
        bindings = context.service(fileNestBindings);
      },
      Parameter(node: ts.ParameterDeclaration) {
        const body = bindings && bodyParameter(node, bindings);
        if (body) check(body);
      },
    };
  },
});

/**
 * The handler checks the value's type itself before using it (`if (typeof code !== 'string')
 * throw ...`): a field validated in code, not by a pipe.
 */
function checksTypeOf(parameter: ts.ParameterDeclaration): boolean {
  const handler = parameter.parent;
  if (!ts.isIdentifier(parameter.name) || !ts.isFunctionLike(handler) || !('body' in handler) || !handler.body) return false;
  const name = parameter.name.text;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isTypeOfExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name && ts.isBinaryExpression(node.parent)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(handler.body);
  return found;
}

/**
 * A body typed `unknown` can only be used after the code narrows it, and this handler does
 * (`isRecord(body)`, `typeof body`, `body instanceof`) without ever casting it (`body as Dto`):
 * TypeScript makes it check what it reads.
 */
function narrowedWithoutCast(parameter: ts.ParameterDeclaration): boolean {
  const handler = parameter.parent;
  if (!ts.isIdentifier(parameter.name) || !ts.isFunctionLike(handler) || !('body' in handler) || !handler.body) return false;
  const name = parameter.name.text;
  const isParameter = (node: ts.Node | undefined) => node !== undefined && ts.isIdentifier(node) && node.text === name;
  let narrowed = false;
  let cast = false;
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) {
      if (isParameter(skipParentheses(node.expression))) cast = true;
    } else if (
      ts.isCallExpression(node) &&
      !isGuardCall(node) &&
      !READS_ONLY.has(calleeText(node)) &&
      node.arguments.some((argument) => isParameter(skipParentheses(argument)))
    ) {
      // Handed on unchecked (`this.runs.start(body)`): whatever the callee does with it is not narrowed here.
      cast = true;
    } else if (ts.isTypeOfExpression(node) && isParameter(node.expression)) {
      narrowed = true;
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && isParameter(node.left)) {
      narrowed = true;
    } else if (ts.isCallExpression(node) && isGuardCall(node) && isParameter(node.arguments[0])) {
      narrowed = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  return narrowed && !cast;
}

/** Calls that look at a value without using it as data. */
const READS_ONLY = new Set(['Object.keys', 'Object.entries', 'Object.values', 'Array.isArray', 'JSON.stringify', 'String', 'Boolean']);

function calleeText(call: ts.CallExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? `${callee.expression.text}.${callee.name.text}` : '';
}

/** `isRecord(value)`: a type guard by its name. */
function isGuardCall(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && /^is[A-Z]/.test(call.expression.text);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? skipParentheses(node.expression) : node;
}

/** `assertValidEmail`, `validateOrReject`, `validate` (class-validator, yup's `validateSync`). */
const VALIDATOR_NAME = /^(?:assert|validate)(?:[A-Z_]|$)/;

/**
 * The handler validates the value before anything else runs (`validators.assertValidEmail(params.email)`,
 * `const input = schema.parse(body)`): a call of a validator in a statement of the handler's top
 * level, taking the parameter itself or, for an inline object type, each of its declared fields.
 * `JSON.parse`, `qs.parse` and a bare `parse(…)` only read text.
 */
function validatedFirst(parameter: ts.ParameterDeclaration): boolean {
  const handler = parameter.parent;
  if (!ts.isIdentifier(parameter.name) || !ts.isFunctionLike(handler) || !('body' in handler) || !handler.body || !ts.isBlock(handler.body)) return false;
  const name = parameter.name.text;
  const validated = new Set<string>();
  for (const statement of handler.body.statements) {
    const expressions = ts.isExpressionStatement(statement)
      ? [statement.expression]
      : ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((declaration) => declaration.initializer)
        : [];
    for (let expression of expressions) {
      while (expression && (ts.isAwaitExpression(expression) || ts.isParenthesizedExpression(expression))) expression = expression.expression;
      if (!expression || !ts.isCallExpression(expression) || !isValidatorCall(expression)) continue;
      for (const argument of expression.arguments) {
        if (ts.isIdentifier(argument) && argument.text === name) return true;
        if (ts.isPropertyAccessExpression(argument) && ts.isIdentifier(argument.expression) && argument.expression.text === name)
          validated.add(argument.name.text);
      }
    }
  }
  const type = parameter.type;
  if (validated.size === 0 || !type || !ts.isTypeLiteralNode(type)) return false;
  return type.members.every(
    (member) => ts.isPropertySignature(member) && member.name !== undefined && ts.isIdentifier(member.name) && validated.has(member.name.text),
  );
}

function isValidatorCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return VALIDATOR_NAME.test(callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (VALIDATOR_NAME.test(callee.name.text)) return true;
  return isSchemaParse(callee);
}

/** A type no validation pipe can check: keywords, literals, inline object types, `Record`... and arrays, unions, tuples of them. */
function isLoose(type: ts.TypeNode): boolean {
  if (keywordTypes.has(type.kind)) return true;
  if (ts.isParenthesizedTypeNode(type) || ts.isTypeOperatorNode(type)) return isLoose(type.type);
  if (ts.isArrayTypeNode(type)) return isLoose(type.elementType);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.filter((member) => !isNullish(member)).some(isLoose);
  if (ts.isTupleTypeNode(type)) return type.elements.some((element) => isLoose(ts.isNamedTupleMember(element) ? element.type : element));
  if (ts.isRestTypeNode(type) || ts.isOptionalTypeNode(type)) return isLoose(type.type);
  if (ts.isTypeLiteralNode(type) || ts.isMappedTypeNode(type) || ts.isLiteralTypeNode(type) || ts.isTemplateLiteralTypeNode(type)) return true;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    if (isArrayName(name)) return type.typeArguments === undefined || type.typeArguments.some(isLoose);
    return looseTypeNames.has(name);
  }
  return false;
}

function isNullish(type: ts.TypeNode): boolean {
  return type.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword);
}

/** The type as written, on one line and short enough for a message. */
function shortText(type: ts.TypeNode): string {
  const text = type.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
