import { posix } from 'node:path';
import { ts } from '../../../../lazy/typescript';
import { joinProjectPath, normalizeRoot } from '../../../engine/workspace-paths';
import type { WorkspaceView } from '../../../engine/workspace-view';
import { derived, readModule, resolveModulePath, type FileAccess } from '../../rule-utils/module-paths';
import { defineTextService } from '../../../engine/rule-services';

/** Where a middleware applies: every route, the routes of some controllers, route paths, or what the rule cannot read. */
export interface MiddlewareRoutes {
  /** The middleware classes given to `consumer.apply(...)`. */
  middleware: string[];
  /** The module file that applies them. */
  file: string;
  all: boolean;
  controllers: Set<string>;
  /** Route paths (`users/*`), without leading or trailing slashes. */
  paths: string[];
  /** Paths given to `.exclude(...)`. */
  excluded: string[];
  /** Text of a `forRoutes` argument the rule could not read (a call, an imported list), if any. */
  unreadable?: string;
}

/** What applies to every route of a NestJS application, read from its `main.ts` and the modules it imports. */
export interface AppFacts {
  /** The entry file (`main.ts`) the facts were read from. */
  entry: string;
  /** Guard classes applied globally: `{ provide: APP_GUARD, useClass: X }` and `app.useGlobalGuards(new X())`. */
  globalGuards: Array<{ name: string; file: string }>;
  middleware: MiddlewareRoutes[];
}

export interface AppFactsHost extends FileAccess {
  /** The controller's file, workspace-relative. */
  file: string;
  workspace?: WorkspaceView;
}

/** Module files read per application at most: a bound on work for a huge or cyclic module graph. */
const MAX_MODULES = 400;
/**
 * Where Nest apps are bootstrapped, by convention: `main.ts`, looked for first on its own (what most
 * apps have, at the old cost of one read per folder); then `bootstrap.ts` called from `index.ts`,
 * servers and serverless handlers.
 */
const ENTRY_NAMES: ReadonlyArray<readonly string[]> = [['main.ts'], ['bootstrap.ts', 'index.ts', 'server.ts', 'app.ts', 'lambda.ts', 'serverless.ts']];

/**
 * The facts of the application a controller belongs to: the nearest `main.ts` above the controller
 * (within its project under Nx), the root module it bootstraps, and every module reachable through
 * `imports` by a relative path or a root tsconfig path alias. Every file read is a dependency of the
 * result. Undefined when no entry file is found.
 */
export function appFactsFor(host: AppFactsHost): AppFacts | undefined {
  const entry = findEntry(host);
  if (!entry) return undefined;
  const facts: AppFacts = { entry: entry.path, globalGuards: [], middleware: [] };
  const entryFacts = derived(host, moduleFacts, entry.path, entry.text);
  facts.globalGuards.push(...entryFacts.globalGuards.map((name) => ({ name, file: entry.path })));
  const seen = new Set<string>([entry.path]);
  const queue = entryFacts.imported.map((reference) => ({ reference, from: entry.path }));
  while (queue.length > 0 && seen.size < MAX_MODULES) {
    const { reference, from } = queue.shift() as { reference: string; from: string };
    const target = resolveModulePath(reference, from, host);
    if (target === undefined || !mayRead(host, target)) continue;
    const module = readModule(target, host.readFile);
    if (!module || seen.has(module.path)) continue;
    seen.add(module.path);
    const found = derived(host, moduleFacts, module.path, module.text);
    facts.globalGuards.push(...found.globalGuards.map((name) => ({ name, file: module.path })));
    facts.middleware.push(...found.middleware.map((routes) => ({ ...routes, file: module.path })));
    queue.push(...found.imported.map((next) => ({ reference: next, from: module.path })));
  }
  return facts;
}

/** Its own project's modules, and under Nx its dependencies' (the enforce target's `^` inputs). */
function mayRead(host: AppFactsHost, target: string): boolean {
  return !host.workspace || host.workspace.mayRead(host.file, target);
}

/**
 * The nearest `main.ts` that calls `NestFactory` in the controller's folder or above it, not above
 * its project's root (under Nx) or the workspace root; without one, the nearest other entry file.
 */
function findEntry(host: AppFactsHost): { path: string; text: string } | undefined {
  const top = normalizeRoot(host.workspace?.projectOfFile(host.file)?.root);
  for (const names of ENTRY_NAMES) {
    for (let folder = posix.dirname(host.file); ; folder = posix.dirname(folder)) {
      const current = normalizeRoot(folder);
      for (const name of names) {
        const path = joinProjectPath(current, name);
        const text = host.readFile(path);
        if (text !== undefined && /\bNestFactory\b/.test(text)) return { path, text };
      }
      if (current === top || current === '') break;
    }
  }
  return undefined;
}

/** What one file contributes: guards it makes global, middleware it applies, and the module specifiers to follow. */
interface ModuleFacts {
  globalGuards: string[];
  middleware: Array<Omit<MiddlewareRoutes, 'file'>>;
  /** Import specifiers of the modules this file bootstraps or imports. */
  imported: string[];
}

// A module file is read for every controller of its application: its facts are kept while its text is unchanged.
const moduleFacts = defineTextService('NestJS module facts', 512, (path, text) =>
  readModuleFacts(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)),
);

function readModuleFacts(sourceFile: ts.SourceFile): ModuleFacts {
  const imports = importSpecifiers(sourceFile);
  const facts: ModuleFacts = { globalGuards: [], middleware: [], imported: [] };
  const follow = (expression: ts.Expression) => {
    const name = moduleReferenceName(expression);
    const specifier = name === undefined ? undefined : imports.get(name);
    if (specifier !== undefined && !facts.imported.includes(specifier)) facts.imported.push(specifier);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      // `NestFactory.create(AppModule)`, `NestFactory.createMicroservice(AppModule, ...)`.
      if (
        method?.startsWith('create') &&
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'NestFactory' &&
        node.arguments[0]
      ) {
        follow(node.arguments[0]);
      }
      if (method === 'useGlobalGuards') facts.globalGuards.push(...node.arguments.map(instanceClassName).filter((name): name is string => name !== undefined));
      if (method === 'forRoutes') {
        const routes = middlewareRoutes(node, sourceFile);
        if (routes) facts.middleware.push(routes);
      }
      if (isModuleDecorator(node)) readModuleMetadata(node, follow, facts);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return facts;
}

function isModuleDecorator(node: ts.CallExpression): boolean {
  return ts.isDecorator(node.parent) && ts.isIdentifier(node.expression) && node.expression.text === 'Module';
}

/** `imports: [A, B.forRoot()]` to follow, `providers: [{ provide: APP_GUARD, useClass: G }]` to note. */
function readModuleMetadata(decorator: ts.CallExpression, follow: (expression: ts.Expression) => void, facts: ModuleFacts): void {
  const sourceFile = decorator.getSourceFile();
  const argument = decorator.arguments[0];
  // `@Module(metadata)` with `const metadata = { imports: [...] }` in the same file.
  const metadata = argument && ts.isIdentifier(argument) ? localInitializer(sourceFile, argument.text) : argument;
  if (!metadata || !ts.isObjectLiteralExpression(metadata)) return;
  for (const property of metadata.properties) {
    // `providers: [...]`, `providers: list` or `{ providers }` with `const providers = [...]` in the file.
    const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
    if (!value || !property.name || !ts.isIdentifier(property.name)) continue;
    const initializer = ts.isIdentifier(value) ? localInitializer(sourceFile, value.text) : value;
    if (!initializer || !ts.isArrayLiteralExpression(initializer)) continue;
    const elements = initializer.elements.map((element) => (ts.isSpreadElement(element) ? element.expression : element));
    if (property.name.text === 'imports') elements.forEach(follow);
    if (property.name.text !== 'providers') continue;
    for (const element of elements) {
      const guard = ts.isObjectLiteralExpression(element) ? appGuardClass(element) : undefined;
      if (guard !== undefined) facts.globalGuards.push(guard);
    }
  }
}

function appGuardClass(provider: ts.ObjectLiteralExpression): string | undefined {
  const values = new Map<string, ts.Expression>();
  for (const property of provider.properties)
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) values.set(property.name.text, property.initializer);
  const provide = values.get('provide');
  if (!provide || !(ts.isIdentifier(provide) && provide.text === 'APP_GUARD')) return undefined;
  const implementation = values.get('useClass') ?? values.get('useExisting');
  return implementation && ts.isIdentifier(implementation) ? implementation.text : 'a factory-made guard';
}

/** `Users` in `Users`, `Users.forRoot(...)`, `forwardRef(() => Users)`. */
function moduleReferenceName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) return callee.expression.text;
    const callback = expression.arguments[0];
    if (ts.isIdentifier(callee) && callee.text === 'forwardRef' && callback && ts.isArrowFunction(callback) && !ts.isBlock(callback.body))
      return moduleReferenceName(callback.body);
  }
  return undefined;
}

function instanceClassName(expression: ts.Expression): string | undefined {
  const target = ts.isNewExpression(expression) ? expression.expression : expression;
  return ts.isIdentifier(target) ? target.text : undefined;
}

/** Local name → module specifier, for every named or default import. */
function importSpecifiers(sourceFile: ts.SourceFile): Map<string, string> {
  const specifiers = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause) continue;
    const clause = statement.importClause;
    if (clause.name) specifiers.set(clause.name.text, statement.moduleSpecifier.text);
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) specifiers.set(element.name.text, statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** `consumer.apply(A, B).exclude(...).forRoutes(...)`: the chain read back from `forRoutes`. */
function middlewareRoutes(forRoutes: ts.CallExpression, sourceFile: ts.SourceFile): Omit<MiddlewareRoutes, 'file'> | undefined {
  const routes: Omit<MiddlewareRoutes, 'file'> = { middleware: [], all: false, controllers: new Set(), paths: [], excluded: [] };
  for (const argument of forRoutes.arguments) addRoute(routes, argument, sourceFile);
  let link: ts.Expression = (forRoutes.expression as ts.PropertyAccessExpression).expression;
  while (ts.isCallExpression(link) && ts.isPropertyAccessExpression(link.expression)) {
    const method = link.expression.name.text;
    if (method === 'exclude') routes.excluded.push(...link.arguments.map(routePath).filter((path): path is string => path !== undefined));
    if (method === 'apply') {
      routes.middleware = link.arguments.map(instanceClassName).filter((name): name is string => name !== undefined);
      return routes;
    }
    link = link.expression.expression;
  }
  return undefined;
}

function addRoute(routes: Omit<MiddlewareRoutes, 'file'>, argument: ts.Expression, sourceFile: ts.SourceFile, depth = 0): void {
  const path = routePath(argument);
  if (path !== undefined) {
    if (/^(?:\*|\{\*|\(\.\*\))/.test(path)) routes.all = true;
    else routes.paths.push(path);
    return;
  }
  const value = ts.isSpreadElement(argument) ? argument.expression : argument;
  if (ts.isIdentifier(value)) {
    // A list declared in this file (`const authenticated = [A, B]`), or a controller class.
    const list = depth < 3 ? localArray(sourceFile, value.text) : undefined;
    if (list) list.elements.forEach((element) => addRoute(routes, element, sourceFile, depth + 1));
    else if (ts.isSpreadElement(argument)) routes.unreadable ??= argument.getText();
    else routes.controllers.add(value.text);
    return;
  }
  if (ts.isArrayLiteralExpression(value)) {
    value.elements.forEach((element) => addRoute(routes, element, sourceFile, depth + 1));
    return;
  }
  routes.unreadable ??= argument.getText().slice(0, 80);
}

/** A route given as `'users/*'` or `{ path: 'users', method: ... }`, normalised without surrounding slashes. */
function routePath(expression: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(expression)) return trimSlashes(expression.text);
  if (!ts.isObjectLiteralExpression(expression)) return undefined;
  for (const property of expression.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'path' && ts.isStringLiteralLike(property.initializer))
      return trimSlashes(property.initializer.text);
  }
  return undefined;
}

function localArray(sourceFile: ts.SourceFile, name: string): ts.ArrayLiteralExpression | undefined {
  const initializer = localInitializer(sourceFile, name);
  return initializer && ts.isArrayLiteralExpression(initializer) ? initializer : undefined;
}

/** The initializer of a top-level variable of the file (`const globalModules = { imports: [...] }`). */
function localInitializer(sourceFile: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
        let initializer = declaration.initializer;
        while (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer) || ts.isParenthesizedExpression(initializer))
          initializer = initializer.expression;
        return initializer;
      }
    }
  }
  return undefined;
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Whether a route path pattern (`users/*`, `users/:id`, `*`) matches a handler's path (`users/:id/avatar`). */
export function routeMatches(pattern: string, path: string): boolean {
  if (pattern === '' || pattern === '*') return true;
  const expression = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith('*') || segment.startsWith('{*') || segment === '(.*)'
        ? '.*'
        : segment.startsWith(':')
          ? '[^/]+'
          : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${expression}$`).test(path);
}
