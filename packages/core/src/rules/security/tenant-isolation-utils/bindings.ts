import { ts } from '../../../../lazy/typescript';
import { propertyNameText } from './syntax';

/**
 * Where a name is declared: a parameter or a variable, and for a destructured name the property
 * path it was taken from (`const { body: { tenantId } } = req` gives `tenantId` the path
 * `['body', 'tenantId']` of `req`).
 */
export interface Binding {
  declaration: ts.ParameterDeclaration | ts.VariableDeclaration;
  path: string[];
}

/** The nearest declaration of `identifier` in the enclosing scopes, or undefined (imports, globals, functions). */
export function bindingOf(identifier: ts.Identifier): Binding | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    const found = declaredIn(scope, name);
    if (found) return found;
  }
  return undefined;
}

function declaredIn(scope: ts.Node, name: string): Binding | undefined {
  if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      const path = pathTo(parameter.name, name);
      if (path) return { declaration: parameter, path };
    }
  }
  if (ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) {
    const initializer = scope.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) return inDeclarations(initializer.declarations, name);
  }
  for (const statement of statementsOf(scope)) {
    if (!ts.isVariableStatement(statement)) continue;
    const found = inDeclarations(statement.declarationList.declarations, name);
    if (found) return found;
  }
  return undefined;
}

function inDeclarations(declarations: readonly ts.VariableDeclaration[], name: string): Binding | undefined {
  for (const declaration of declarations) {
    const path = pathTo(declaration.name, name);
    if (path) return { declaration, path };
  }
  return undefined;
}

function statementsOf(scope: ts.Node): readonly ts.Statement[] {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) return scope.statements;
  return [];
}

/** The property path at which `binding` binds `name`, or undefined when it does not bind it. */
function pathTo(binding: ts.BindingName, name: string): string[] | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? [] : undefined;
  for (const [index, element] of binding.elements.entries()) {
    if (ts.isOmittedExpression(element)) continue;
    const inner = pathTo(element.name, name);
    if (!inner) continue;
    const key = ts.isArrayBindingPattern(binding) ? String(index) : keyOf(element);
    // `...rest` keeps the object's own keys: the path goes on from the object itself.
    return element.dotDotDotToken || key === undefined ? inner : [key, ...inner];
  }
  return undefined;
}

function keyOf(element: ts.BindingElement): string | undefined {
  if (element.propertyName) return propertyNameText(element.propertyName);
  return ts.isIdentifier(element.name) ? element.name.text : undefined;
}
