import { ts } from 'ts-morph';
import { defineRule } from '../../engine/define-rule';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { bodyParameter, referencedTypeName } from './nestjs-utils/body-parameter';
import { lookupDto } from './nestjs-utils/dto-lookup';
import { decoratorModule, decoratorNames, decoratorsOf, listForMessage, NEST_KEYWORDS, nestBindings } from './nestjs-utils/nest-decorators';

export interface DtoValidatedOptions {
  /** Decorators imported from these modules validate a property. */
  validationModules: string[];
  /** Further decorator names that validate a property (custom validators). */
  validationDecorators: string[];
  /** Warn when a relatively imported DTO cannot be found, instead of saying nothing. */
  reportUnresolved: boolean;
}

/** What the rule concluded about one DTO name; plain data, so it can be reused for every handler of the file. */
type Finding = { messageId: 'unvalidatedProperties'; data: { dto: string; properties: string } } | { messageId: 'cannotVerify'; data: { dto: string; specifier: string } } | undefined;

/**
 * A DTO class validates nothing by being a class: `ValidationPipe` checks only the properties that
 * carry class-validator decorators. An undecorated property is passed through unchecked (or, with
 * `whitelist`, silently dropped), which is rarely what the author meant.
 */
export default defineRule<'unvalidatedProperties' | 'cannotVerify', DtoValidatedOptions>({
  id: 'nestjs/dto-validated',
  meta: {
    category: 'nestjs',
    defaultSeverity: 'off',
    docs: {
      description: 'Require every property of a `@Body()` DTO class declared in the project to carry a class-validator decorator.',
      rationale:
        'ValidationPipe validates only decorated properties: an undecorated DTO property accepts any value the client sends (or is stripped by whitelist), so the DTO looks validated while it is not.',
    },
    messages: {
      unvalidatedProperties:
        'Body DTO "{{dto}}" has properties without a validation decorator ({{properties}}): add class-validator decorators such as @IsString() or @ValidateNested() so ValidationPipe checks them.',
      cannotVerify: 'Body DTO "{{dto}}" was not found through "{{specifier}}", so its validation cannot be verified: import it from the file that declares it.',
    },
    hints: {
      unvalidatedProperties: 'In class {{dto}}, put a class-validator decorator on {{properties}}: e.g. `@IsString()`, `@IsInt()`, `@IsOptional()` for optional ones, `@ValidateNested() @Type(() => ChildDto)` for nested objects.',
      cannotVerify: 'Import {{dto}} directly from the file that declares `class {{dto}}` instead of "{{specifier}}", or set reportUnresolved to false in the rule options.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        validationModules: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Modules whose decorators validate a property (any decorator imported from them counts).',
          default: ['class-validator'],
        },
        validationDecorators: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Further decorator names that validate a property, e.g. custom validators declared in the workspace.',
          default: [],
        },
        reportUnresolved: {
          type: 'boolean',
          description: 'Warn when a relatively imported DTO class cannot be found (missing file, more than one re-export hop).',
          default: true,
        },
      },
    },
    defaultOptions: { validationModules: ['class-validator'], validationDecorators: [], reportUnresolved: true },
    keywords: NEST_KEYWORDS,
  },
  create(context) {
    if (context.isTestFile) return {};
    const modules = new Set(context.options.validationModules);
    const names = new Set(context.options.validationDecorators);
    const isValidator = (decorator: ts.Decorator, bindings: ModuleBindings): boolean =>
      modules.has(decoratorModule(decorator, bindings) ?? '') || decoratorNames(decorator, bindings).some((name) => names.has(name));
    const findings = new Map<string, Finding>();
    const findingFor = (name: { qualifier?: string; name: string }): Finding => {
      const key = `${name.qualifier ?? ''}.${name.name}`;
      if (!findings.has(key)) findings.set(key, inspect(name));
      return findings.get(key);
    };
    const inspect = (name: { qualifier?: string; name: string }): Finding => {
      const found = lookupDto(context, name);
      if (found.kind === 'unresolved') {
        return context.options.reportUnresolved ? { messageId: 'cannotVerify', data: { dto: name.name, specifier: found.specifier } } : undefined;
      }
      if (found.kind === 'skip') return undefined;
      const unvalidated = ownProperties(found.declaration).filter((property) => !decoratorsOf(property).some((decorator) => isValidator(decorator, found.bindings)));
      if (unvalidated.length === 0) return undefined;
      const properties = listForMessage(unvalidated.map((property) => property.name.getText()));
      return { messageId: 'unvalidatedProperties', data: { dto: found.declaration.name?.text ?? name.name, properties } };
    };
    let bindings: ModuleBindings | undefined;
    return {
      SourceFile(node) {
        bindings = nestBindings(node);
      },
      Parameter(node: ts.ParameterDeclaration) {
        const body = bindings && bodyParameter(node, bindings);
        const name = body && referencedTypeName(node.type);
        const finding = name && findingFor(name);
        if (!finding) return;
        context.report({ node, ...finding, ...(finding.messageId === 'cannotVerify' ? { severity: 'warn' as const } : {}) });
      },
    };
  },
});

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
