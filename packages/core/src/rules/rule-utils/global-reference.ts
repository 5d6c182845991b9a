import { ts } from '../../../lazy/typescript';

const globalObjectNames = new Set(['globalThis', 'window', 'global', 'self']);

/**
 * True when `node` refers to the global `name`: `name` itself, or `globalThis.name` (also via
 * `window`, `global`, `self`), and `name` is not shadowed by a declaration in an enclosing scope.
 */
export function isGlobalReference(node: ts.Expression, name: string): boolean {
  if (ts.isIdentifier(node)) {
    return node.text === name && !isShadowed(node, name);
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === name) {
    return ts.isIdentifier(node.expression) && globalObjectNames.has(node.expression.text);
  }
  return false;
}

/** Whether a declaration in a scope enclosing `reference` binds `name` (so `name` there is not the global). */
export function isShadowed(reference: ts.Node, name: string): boolean {
  return declaringScope(reference, name) !== undefined;
}

/** The nearest scope enclosing `reference` that declares `name` (the file itself for a top-level declaration), if any. */
export function declaringScope(reference: ts.Node, name: string): ts.Node | undefined {
  for (let scope = reference.parent; scope; scope = scope.parent) {
    if (declaresInScope(scope, name)) return scope;
  }
  return undefined;
}

/** Whether `scope` itself declares `name` (parameters, functions, classes, variables, imports, catch and loop variables). */
function declaresInScope(scope: ts.Node, name: string): boolean {
  if (ts.isFunctionLike(scope)) {
    if (scope.parameters.some((parameter) => bindsName(parameter.name, name))) return true;
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name?.text === name) return true;
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration && bindsName(scope.variableDeclaration.name, name)) {
    return true;
  }
  if (
    (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) &&
    scope.initializer &&
    ts.isVariableDeclarationList(scope.initializer)
  ) {
    if (scope.initializer.declarations.some((declaration) => bindsName(declaration.name, name))) return true;
  }
  const statements = statementsOf(scope);
  return statements !== undefined && statementsDeclare(scope, statements, name);
}

// A file of 40,000 `console.log()` statements asks its statement list 40,000 times: the answer is
// kept per list and name for as long as the syntax tree lives.
const declaredNames = new WeakMap<ts.Node, Map<string, boolean>>();

function statementsDeclare(scope: ts.Node, statements: readonly ts.Statement[], name: string): boolean {
  let names = declaredNames.get(scope);
  if (!names) declaredNames.set(scope, (names = new Map()));
  let declared = names.get(name);
  if (declared === undefined) names.set(name, (declared = statements.some((statement) => statementDeclares(statement, name))));
  return declared;
}

function statementsOf(scope: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) return scope.statements;
  if (ts.isCaseClause(scope) || ts.isDefaultClause(scope)) return scope.statements;
  return undefined;
}

function statementDeclares(statement: ts.Statement, name: string): boolean {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some((declaration) => bindsName(declaration.name, name));
  }
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    return statement.name?.text === name;
  }
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return false;
    if (clause.name?.text === name) return true;
    const bindings = clause.namedBindings;
    if (!bindings) return false;
    if (ts.isNamespaceImport(bindings)) return bindings.name.text === name;
    return bindings.elements.some((element) => element.name.text === name);
  }
  if (ts.isImportEqualsDeclaration(statement)) return statement.name.text === name;
  return false;
}

function bindsName(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, name));
}
