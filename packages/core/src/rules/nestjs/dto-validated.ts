import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { bodyParameter, hasValidatingPipe, referencedTypeName } from './nestjs-utils/body-parameter';
import { exportedDeclarationText, FOLLOWS_IMPORTS } from '../rule-utils/module-paths';
import { lookupDto, type DtoLookup } from './nestjs-utils/dto-lookup';
import { decoratorModule, decoratorNames, decoratorsOf, listForMessage, NEST_KEYWORDS, fileNestBindings } from './nestjs-utils/nest-decorators';

/** What the rule concluded about one DTO name; plain data, so it can be reused for every handler of the file. */
type Finding =
  | { messageId: 'unvalidatedProperties'; data: { dto: string; properties: string } }
  | { messageId: 'notAClass'; data: { dto: string; what: string } }
  | { messageId: 'cannotVerify'; data: { dto: string; reason: string } }
  | undefined;

/**
 * A DTO class validates nothing by being a class: `ValidationPipe` checks only the properties that
 * carry class-validator decorators. An undecorated property is passed through unchecked (or, with
 * `whitelist`, silently dropped), which is rarely what the author meant.
 */
export default defineRule({
  id: 'nestjs/dto-validated',
  meta: {
    category: 'nestjs',
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Require every property of a `@Body()` DTO class declared in the project to carry a class-validator decorator.',
      rationale:
        'ValidationPipe validates only decorated properties: an undecorated DTO property accepts any value the client sends (or ' +
        'is stripped by whitelist), so the DTO looks validated while it is not.',
    },
    messages: {
      unvalidatedProperties:
        'Body DTO "{{dto}}" has properties without a validation decorator ({{properties}}): add class-validator decorators such ' +
        'as @IsString() or @ValidateNested() so ValidationPipe checks them.',
      notAClass:
        'Body DTO "{{dto}}" is {{what}}, which is erased at run time: ValidationPipe has no class to check the body against, so ' +
        'whatever the client sends reaches the handler. Declare {{dto}} as a class with class-validator decorators.',
      cannotVerify: 'Cannot verify that body DTO "{{dto}}" is validated: {{reason}}.',
    },
    hints: {
      unvalidatedProperties:
        'In class {{dto}}, put a class-validator decorator on {{properties}}: e.g. `@IsString()`, `@IsInt()`, `@IsOptional()` ' +
        'for optional ones, `@ValidateNested() @Type(() => ChildDto)` for nested objects.',
      notAClass:
        'Turn {{what}} {{dto}} into `export class {{dto}} { @IsString() name: string; … }` and make sure ValidationPipe runs ' +
        '(`app.useGlobalPipes(new ValidationPipe())` or `@UsePipes`), or validate the body with a pipe of its own: `@Body(new ' +
        'ZodValidationPipe(schema))`.',
      cannotVerify:
        'Declare or import {{dto}} where this project can read it (its own files, or a workspace project it depends on), or set ' +
        'reportUnresolved to false in the rule options to accept DTOs checked elsewhere.',
    },
    options: defineOptions({
      validationModules: option.stringArray({
        default: ['class-validator'],
        description: 'Modules whose decorators validate a property (any decorator imported from them counts).',
      }),
      validationDecorators: option.stringArray({
        default: [],
        description: 'Further decorator names that validate a property, e.g. custom validators declared in the workspace.',
      }),
      reportUnresolved: option.boolean({
        default: true,
        description:
          'Warn when a DTO cannot be read: a missing file, more than one re-export hop, an installed package, or (under Nx) a ' +
          'project this one does not depend on.',
      }),
    }),
    keywords: NEST_KEYWORDS,
    coverage: { unit: 'body DTO parameters' },
    ...FOLLOWS_IMPORTS,
  },
  create(context) {
    const modules = new Set(context.options.validationModules);
    const names = new Set(context.options.validationDecorators);
    // A decorator declared in the workspace that registers a class-validator check (`registerDecorator`,
    // `ValidateBy`) validates like the built-in ones: `@IsCurrencyCode()`.
    const customValidators = new Map<string, boolean>();
    const isCustomValidator = (decorator: ts.Decorator, bindings: ModuleBindings, file: string): boolean => {
      const expression = decorator.expression;
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      const binding = ts.isIdentifier(callee) ? bindings.get(callee.text) : undefined;
      if (!binding || binding.path.length !== 1) return false;
      const key = `${file}:${binding.module}#${binding.path[0]}`;
      if (!customValidators.has(key)) {
        const text =
          exportedDeclarationText(
            { file, readFile: context.readFile, derive: context.derive, workspace: context.workspace },
            binding.module,
            binding.path[0],
          ) ?? '';
        customValidators.set(key, /\b(?:registerDecorator|ValidateBy)\s*\(/.test(text));
      }
      return customValidators.get(key) as boolean;
    };
    const isValidator = (decorator: ts.Decorator, bindings: ModuleBindings, file: string): boolean =>
      modules.has(decoratorModule(decorator, bindings) ?? '') ||
      decoratorNames(decorator, bindings).some((name) => names.has(name)) ||
      isCustomValidator(decorator, bindings, file);
    // One verdict per DTO name, reused for every handler of the file that takes it.
    const verdicts = new Map<string, { finding: Finding; unresolved: boolean }>();
    const verdictFor = (name: { qualifier?: string; name: string }) => {
      const key = `${name.qualifier ?? ''}.${name.name}`;
      let verdict = verdicts.get(key);
      if (!verdict) verdicts.set(key, (verdict = inspect(name)));
      return verdict;
    };
    const inspect = (name: { qualifier?: string; name: string }): { finding: Finding; unresolved: boolean } => {
      const found = lookupDto(context, name);
      if (found.kind === 'unresolved') {
        const finding: Finding = context.options.reportUnresolved
          ? { messageId: 'cannotVerify', data: { dto: name.name, reason: unresolvedReason(found) } }
          : undefined;
        return { finding, unresolved: true };
      }
      if (found.kind === 'skip') return { finding: undefined, unresolved: false };
      if (found.kind === 'type') return { finding: { messageId: 'notAClass', data: { dto: name.name, what: found.what } }, unresolved: false };
      const declaredIn = found.declaration.getSourceFile().fileName;
      const unvalidated = ownProperties(found.declaration).filter(
        (property) => !decoratorsOf(property).some((decorator) => isValidator(decorator, found.bindings, declaredIn)),
      );
      if (unvalidated.length === 0) return { finding: undefined, unresolved: false };
      const properties = listForMessage(unvalidated.map((property) => property.name.getText()));
      return { finding: { messageId: 'unvalidatedProperties', data: { dto: found.declaration.name?.text ?? name.name, properties } }, unresolved: false };
    };
    let bindings: ModuleBindings | undefined;
    return {
      SourceFile(node) {
        bindings = context.service(fileNestBindings);
      },
      Parameter(node: ts.ParameterDeclaration) {
        const body = bindings && bodyParameter(node, bindings);
        const name = body && referencedTypeName(node.type);
        if (!name) return;
        context.examined();
        // `@Body(new ZodValidationPipe(schema))`: the pipe checks the value, the type only describes it.
        if (hasValidatingPipe(body)) return;
        const { finding, unresolved } = verdictFor(name);
        if (unresolved) context.couldNotVerify();
        if (finding) context.report({ node, ...finding, ...(finding.messageId === 'cannotVerify' ? { severity: 'warn' as const } : {}) });
      },
    };
  },
});

function unresolvedReason(found: Extract<DtoLookup, { kind: 'unresolved' }>): string {
  if (found.where === 'package') return `it comes from the package "${found.specifier}", whose sources are not read`;
  if (found.where === 'missing') return `"${found.specifier}" does not lead to its declaration (a missing file, or more than one re-export hop)`;
  return `it is declared in project ${found.where.project} ("${found.specifier}"), which this project does not depend on, so its check does not read its files`;
}

/**
 * The instance properties a request body can set, declared by the class itself: inherited ones
 * belong to the base class, and mapped types (`PartialType(CreateDto)`) declare none.
 */
function ownProperties(declaration: ts.ClassLikeDeclaration): ts.PropertyDeclaration[] {
  return declaration.members.filter(
    (member): member is ts.PropertyDeclaration =>
      ts.isPropertyDeclaration(member) &&
      !ts.isPrivateIdentifier(member.name) &&
      !(ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
  );
}
