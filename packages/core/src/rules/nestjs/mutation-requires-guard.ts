import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { exportedDeclarationText, FOLLOWS_IMPORTS } from '../rule-utils/module-paths';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { appFactsFor, routeMatches, trimSlashes, type AppFacts } from './nestjs-utils/app-facts';
import {
  classOfMember,
  decoratorArguments,
  decoratorNames,
  decoratorsOf,
  hasNestDecorator,
  importedDecoratorName,
  NEST_COMMON,
  NEST_KEYWORDS,
  fileNestBindings,
} from './nestjs-utils/nest-decorators';

/** Names of guards and middleware that establish who the caller is (not throttling, logging or role checks alone). */
export const DEFAULT_AUTHENTICATORS = 'auth|jwt|session|passport|api-?key|bearer|token|clerk|firebase|login';

/** `UseGuards(` with at least one guard, inside a decorator factory's declaration. */
const COMPOSED_GUARD = /\bUseGuards\s*\(\s*[^)\s]/;

const mutationVerbs: Record<string, string> = { Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE' };

/**
 * A handler that changes data and has no guard is open to anyone who can reach the server. Nest
 * applies guards from the handler and from its controller class, so either place counts.
 */
export default defineRule({
  id: 'nestjs/mutation-requires-guard',
  meta: {
    category: 'nestjs',
    // Off by default: its precision on real repositories is below the 90% a default rule needs (see its doc).
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Require a guard (or an explicit public marker) on `@Post`, `@Put`, `@Patch` and `@Delete` handlers of NestJS controllers.',
      rationale:
        'A state-changing endpoint without a guard can be called by anyone who reaches the server; a guard, or a visible ' +
        'decision that the endpoint is public, must be in the code.',
    },
    messages: {
      missingGuard:
        '{{verb}} handler "{{method}}" has no guard: add {{guard}} to the method or its controller, or mark it {{public}} if it is meant to be open.',
      cannotVerify:
        '{{verb}} handler "{{method}}" has no guard of its own, and whether {{middleware}} (applied in {{file}}) covers it ' +
        'cannot be verified: its routes are given as {{routes}}.',
    },
    hints: {
      missingGuard:
        'Put {{guard}}, naming the guard that authenticates the caller, above "{{method}}" or above its @Controller() class; if ' +
        'anyone may call it, mark it {{public}} instead.',
      cannotVerify:
        'List the controllers in forRoutes(...) directly or through an array declared in {{file}}, or put a guard decorator on "{{method}}" or its controller.',
    },
    options: defineOptions({
      guardDecorators: option.stringArray({
        default: ['UseGuards'],
        description: 'Decorator names that guard a handler or a whole controller, e.g. `UseGuards`, `Auth`, `Roles`.',
      }),
      publicDecorators: option.stringArray({ default: ['Public'], description: 'Decorator names that mark a handler or a controller as deliberately public.' }),
      authenticators: option.string({
        minLength: 1,
        default: DEFAULT_AUTHENTICATORS,
        description:
          'A regular expression (case-insensitive) matching the class names of guards and middleware that authenticate the ' +
          'caller. A global guard (APP_GUARD, useGlobalGuards) or a middleware applied with forRoutes protects a route only when ' +
          'its name matches.',
      }),
    }),
    keywords: NEST_KEYWORDS,
    coverage: { unit: 'mutation handlers' },
    ...FOLLOWS_IMPORTS,
  },
  create(context) {
    const guards = new Set(context.options.guardDecorators);
    const markers = new Set(context.options.publicDecorators);
    const data = {
      guard: `@${context.options.guardDecorators[0] ?? 'UseGuards'}(...)`,
      public: context.options.publicDecorators.length > 0 ? `@${context.options.publicDecorators[0]}()` : 'public in the configuration',
    };
    let bindings: ModuleBindings | undefined;
    let sourceFile: ts.SourceFile | undefined;
    let app: { facts?: AppFacts } | undefined;
    // A composed decorator (`applyDecorators(UseGuards(AuthGuard('jwt')), ...)`) declared in the
    // workspace guards the handler as if \`@UseGuards\` were written: read its declaration.
    const composed = new Map<string, boolean>();
    const appliesGuards = (decorator: ts.Decorator): boolean => {
      const expression = decorator.expression;
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      const binding = ts.isIdentifier(callee) ? bindings?.get(callee.text) : undefined;
      if (!binding || binding.path.length !== 1 || binding.module === NEST_COMMON) return false;
      const key = `${binding.module}#${binding.path[0]}`;
      if (!composed.has(key)) composed.set(key, COMPOSED_GUARD.test(exportedDeclarationText(context, binding.module, binding.path[0]) ?? ''));
      return composed.get(key) as boolean;
    };
    const authenticates = authenticatorTest(context.options.authenticators);
    return {
      SourceFile(node) {
        sourceFile = node;
        bindings = context.service(fileNestBindings);
      },
      MethodDeclaration(node: ts.MethodDeclaration) {
        if (!bindings || !sourceFile) return;
        const verb = httpVerb(node, bindings);
        const controller = classOfMember(node);
        if (!verb || !controller || !hasNestDecorator(controller, 'Controller', bindings)) return;
        const holders = [node, ...classChain(controller, sourceFile)];
        const carries = (names: ReadonlySet<string>) =>
          holders.some((holder) => decoratorsOf(holder).some((decorator) => isConfigured(decorator, names, bindings as ModuleBindings)));
        context.examined();
        if (carries(guards) || carries(markers)) return;
        if (holders.some((holder) => decoratorsOf(holder).some((decorator) => appliesGuards(decorator)))) return;
        // Read only now: a file whose handlers all carry guards does not depend on the app's modules.
        app ??= { facts: appFactsFor(context) };
        const cover = app.facts && appCover(app.facts, className(controller), handlerPath(node, controller, bindings), authenticates);
        if (cover === 'protected') return;
        const reported = { verb, method: node.name.getText(), ...data };
        if (cover) {
          context.couldNotVerify();
          context.report({ node: node.name, messageId: 'cannotVerify', data: { ...reported, ...cover }, severity: 'warn' });
          return;
        }
        context.report({ node: node.name, messageId: 'missingGuard', data: reported });
      },
    };
  },
});

function authenticatorTest(pattern: string): (name: string) => boolean {
  let expression: RegExp;
  try {
    expression = new RegExp(pattern, 'i');
  } catch (error) {
    throw new Error(`option authenticators is not a valid regular expression (${(error as Error).message})`);
  }
  return (name) => expression.test(name);
}

/**
 * Whether the application protects a route: a global guard that authenticates, or an
 * authenticating middleware whose routes include the controller or the handler's path (and do not
 * exclude it). When such a middleware's routes cannot be read, what the report should say instead.
 */
function appCover(
  facts: AppFacts,
  controller: string,
  path: string | undefined,
  authenticates: (name: string) => boolean,
): 'protected' | { middleware: string; file: string; routes: string } | undefined {
  if (facts.globalGuards.some((guard) => authenticates(guard.name))) return 'protected';
  let unreadable: { middleware: string; file: string; routes: string } | undefined;
  for (const routes of facts.middleware) {
    const names = routes.middleware.filter(authenticates);
    if (names.length === 0) continue;
    if (path !== undefined && routes.excluded.some((pattern) => routeMatches(pattern, path))) continue;
    if (routes.all || routes.controllers.has(controller) || (path !== undefined && routes.paths.some((pattern) => routeMatches(pattern, path))))
      return 'protected';
    if (routes.unreadable !== undefined) unreadable ??= { middleware: names.join(', '), file: routes.file, routes: routes.unreadable };
  }
  return unreadable;
}

function className(controller: ts.ClassLikeDeclaration): string {
  return controller.name?.text ?? '';
}

/** `users/:id` for `@Controller('users')` and `@Post(':id')`; undefined when a part is not a literal. */
function handlerPath(method: ts.MethodDeclaration, controller: ts.ClassLikeDeclaration, bindings: ModuleBindings): string | undefined {
  const nestDecorator = (node: ts.Node, accept: (name: string) => boolean) =>
    decoratorsOf(node).find((decorator) => {
      const name = importedDecoratorName(decorator, bindings, NEST_COMMON);
      return name !== undefined && accept(name);
    });
  const prefix = decoratorPath(nestDecorator(controller, (name) => name === 'Controller'));
  const own = decoratorPath(nestDecorator(method, (name) => Object.hasOwn(mutationVerbs, name)));
  if (prefix === undefined || own === undefined) return undefined;
  return [prefix, own].filter((part) => part !== '').join('/');
}

/** The path a `@Controller(...)` or `@Post(...)` decorator gives: `''` without one. */
function decoratorPath(decorator: ts.Decorator | undefined): string | undefined {
  if (!decorator) return undefined;
  const [argument] = decoratorArguments(decorator);
  if (argument === undefined) return '';
  if (ts.isStringLiteralLike(argument)) return trimSlashes(argument.text);
  if (ts.isObjectLiteralExpression(argument)) {
    const path = argument.properties.find(
      (property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'path',
    );
    if (!path) return '';
    return ts.isStringLiteralLike(path.initializer) ? trimSlashes(path.initializer.text) : undefined;
  }
  return undefined;
}

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
