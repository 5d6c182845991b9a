import { ts } from 'ts-morph';
import { defineRule } from '../../engine/define-rule';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { classOfMember, decoratorArguments, decoratorNames, decoratorsOf, hasNestDecorator, importedDecoratorName, NEST_COMMON, NEST_KEYWORDS, nestBindings } from './nestjs-utils/nest-decorators';

export interface MutationRequiresGuardOptions {
  /** Decorators that put a guard on a handler or controller (`UseGuards`, or composites such as `Auth`). */
  guardDecorators: string[];
  /** Decorators that mark a handler or controller as deliberately open. */
  publicDecorators: string[];
}

const mutationVerbs: Record<string, string> = { Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE' };

/**
 * A handler that changes data and has no guard is open to anyone who can reach the server. Nest
 * applies guards from the handler and from its controller class, so either place counts.
 */
export default defineRule<'missingGuard', MutationRequiresGuardOptions>({
  id: 'nestjs/mutation-requires-guard',
  meta: {
    category: 'nestjs',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    docs: {
      description: 'Require a guard (or an explicit public marker) on `@Post`, `@Put`, `@Patch` and `@Delete` handlers of NestJS controllers.',
      rationale:
        'A state-changing endpoint without a guard can be called by anyone who reaches the server; a guard, or a visible decision that the endpoint is public, must be in the code.',
    },
    messages: {
      missingGuard: '{{verb}} handler "{{method}}" has no guard: add {{guard}} to the method or its controller, or mark it {{public}} if it is meant to be open.',
    },
    hints: {
      missingGuard: 'Put {{guard}}, naming the guard that authenticates the caller, above "{{method}}" or above its @Controller() class; if anyone may call it, mark it {{public}} instead.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        guardDecorators: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Decorator names that guard a handler or a whole controller, e.g. `UseGuards`, `Auth`, `Roles`.',
          default: ['UseGuards'],
        },
        publicDecorators: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Decorator names that mark a handler or a controller as deliberately public.',
          default: ['Public'],
        },
      },
    },
    defaultOptions: { guardDecorators: ['UseGuards'], publicDecorators: ['Public'] },
    keywords: NEST_KEYWORDS,
  },
  create(context) {
    if (context.isTestFile) return {};
    const guards = new Set(context.options.guardDecorators);
    const markers = new Set(context.options.publicDecorators);
    const data = {
      guard: `@${context.options.guardDecorators[0] ?? 'UseGuards'}(...)`,
      public: context.options.publicDecorators.length > 0 ? `@${context.options.publicDecorators[0]}()` : 'public in the configuration',
    };
    let bindings: ModuleBindings | undefined;
    let sourceFile: ts.SourceFile | undefined;
    return {
      SourceFile(node) {
        sourceFile = node;
        bindings = nestBindings(node);
      },
      MethodDeclaration(node: ts.MethodDeclaration) {
        if (!bindings || !sourceFile) return;
        const verb = httpVerb(node, bindings);
        const controller = classOfMember(node);
        if (!verb || !controller || !hasNestDecorator(controller, 'Controller', bindings)) return;
        const holders = [node, ...classChain(controller, sourceFile)];
        const carries = (names: ReadonlySet<string>) => holders.some((holder) => decoratorsOf(holder).some((decorator) => isConfigured(decorator, names, bindings as ModuleBindings)));
        if (carries(guards) || carries(markers)) return;
        context.report({ node: node.name, messageId: 'missingGuard', data: { verb, method: node.name.getText(), ...data } });
      },
    };
  },
});

/** `POST` for a handler decorated with Nest's `@Post()`, and so on for the other mutating verbs. */
function httpVerb(method: ts.MethodDeclaration, bindings: ModuleBindings): string | undefined {
  for (const decorator of decoratorsOf(method)) {
    const name = importedDecoratorName(decorator, bindings, NEST_COMMON);
    if (name !== undefined && Object.hasOwn(mutationVerbs, name)) return mutationVerbs[name];
  }
  return undefined;
}

/** `@UseGuards()` without a guard guards nothing; other configured decorators count as written. */
function isConfigured(decorator: ts.Decorator, names: ReadonlySet<string>, bindings: ModuleBindings): boolean {
  const matched = decoratorNames(decorator, bindings).find((name) => names.has(name));
  if (matched === undefined) return false;
  return !(importedDecoratorName(decorator, bindings, NEST_COMMON) === 'UseGuards' && decoratorArguments(decorator).length === 0);
}

/**
 * The controller and the base classes declared in the same file: guard metadata on a base class is
 * inherited by the subclass. Base classes in other files are not read.
 */
function classChain(start: ts.ClassLikeDeclaration, sourceFile: ts.SourceFile): ts.ClassLikeDeclaration[] {
  const chain: ts.ClassLikeDeclaration[] = [];
  for (let current: ts.ClassLikeDeclaration | undefined = start; current && !chain.includes(current); current = baseClass(current, sourceFile)) {
    chain.push(current);
  }
  return chain;
}

function baseClass(declaration: ts.ClassLikeDeclaration, sourceFile: ts.SourceFile): ts.ClassDeclaration | undefined {
  const heritage = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const base = heritage?.types[0]?.expression;
  if (!base || !ts.isIdentifier(base)) return undefined;
  return sourceFile.statements.find((statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === base.text);
}
