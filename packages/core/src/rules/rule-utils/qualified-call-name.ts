import { ts } from '../../../lazy/typescript';
import { isShadowed } from './global-reference';

/** Local name → the module it comes from and the export path it stands for. */
export type ModuleBindings = Map<string, { module: string; path: string[] }>;

/**
 * The module bindings declared at the top level of a file: `import` forms and `require` calls
 * (`const fs = require('fs')`, `const { readFileSync } = require('node:fs')`,
 * `const fsp = require('fs').promises`). `node:` prefixes are dropped.
 */
export function collectModuleBindings(sourceFile: ts.SourceFile): ModuleBindings {
  const bindings: ModuleBindings = new Map();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = normaliseModule(statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) bindings.set(clause.name.text, { module, path: [] });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { module, path: [] });
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          bindings.set(element.name.text, { module, path: [(element.propertyName ?? element.name).text] });
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) bindings.set(statement.name.text, { module: normaliseModule(expression.text), path: [] });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addRequireBinding(declaration, bindings);
    }
  }
  return bindings;
}

function addRequireBinding(declaration: ts.VariableDeclaration, bindings: ModuleBindings): void {
  const required = requiredModule(declaration.initializer);
  if (!required) return;
  if (ts.isIdentifier(declaration.name)) {
    bindings.set(declaration.name.text, required);
  } else if (ts.isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const exported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      bindings.set(element.name.text, { module: required.module, path: [...required.path, exported] });
    }
  }
}

/** `require('m')` or `require('m').a.b`. */
function requiredModule(expression: ts.Expression | undefined): { module: string; path: string[] } | undefined {
  const path: string[] = [];
  let current = expression;
  while (current && ts.isPropertyAccessExpression(current)) {
    path.unshift(current.name.text);
    current = current.expression;
  }
  if (!current || !ts.isCallExpression(current) || !ts.isIdentifier(current.expression) || current.expression.text !== 'require') return undefined;
  const [argument] = current.arguments;
  return argument && ts.isStringLiteral(argument) ? { module: normaliseModule(argument.text), path } : undefined;
}

function normaliseModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

/**
 * The name a call is matched against: `JSON.parse` for globals, `module:export.path` when the callee
 * comes from an import or require (`fs:readFileSync`, `fs:promises.readFile`), prefixed with `new `
 * for constructor calls. Undefined for callees that are not plain names (calls of call results...).
 */
export function qualifiedCallName(node: ts.CallExpression | ts.NewExpression, bindings: ModuleBindings): string | undefined {
  const chain: string[] = [];
  let current: ts.Expression = node.expression;
  while (ts.isPropertyAccessExpression(current)) {
    chain.unshift(current.name.text);
    current = current.expression;
  }
  if (!ts.isIdentifier(current)) return undefined;
  const binding = bindings.get(current.text);
  // `const fetch = useFetch()`, a parameter named `JSON`: a local binding is not the global.
  if (binding === undefined && isShadowed(current, current.text)) return undefined;
  const name = binding ? `${binding.module}:${[...binding.path, ...chain].join('.')}` : [current.text, ...chain].join('.');
  return ts.isNewExpression(node) ? `new ${name}` : name;
}
