import { ts } from '../../../../lazy/typescript';
import type { WorkspaceView } from '../../../engine/workspace-view';
import { derived, MAX_STAR_EXPORTS, resolveModule, type FileAccess } from '../../rule-utils/module-paths';
import { collectModuleBindings, type ModuleBindings } from '../../rule-utils/qualified-call-name';
import { defineTextService } from '../../../engine/rule-services';

/**
 * Where a DTO name led: to a class (checked with the bindings of the file that declares it), to
 * something that is not a class (nothing to check), or somewhere the rule cannot read: a missing
 * file, another project (not this task's input), a package.
 */
export type DtoLookup =
  | { kind: 'class'; declaration: ts.ClassLikeDeclaration; bindings: ModuleBindings }
  /** An interface or type alias: erased at run time, so there is no class to validate against. */
  | { kind: 'type'; what: 'an interface' | 'a type alias' }
  | { kind: 'skip' }
  | { kind: 'unresolved'; specifier: string; where: 'missing' | 'package' | { project: string } };

export interface DtoLookupHost extends FileAccess {
  /** The controller's file, workspace-relative. */
  file: string;
  sourceFile: ts.SourceFile;
  workspace?: WorkspaceView;
}

/** A name imported from, or re-exported from, a module. */
interface ModuleReference {
  specifier: string;
  /** The exported name, `default` for a default import. */
  exported: string;
}

const SKIP: DtoLookup = { kind: 'skip' };

/**
 * Finds the class a `@Body()` type names: declared in the controller's file, or imported by a
 * relative path, a root tsconfig path alias or a workspace package's name (one re-export hop
 * through a barrel).
 * The returned declaration may belong to another file's tree: use it before the rule returns.
 */
export function lookupDto(host: DtoLookupHost, name: { qualifier?: string; name: string }): DtoLookup {
  const statements = host.sourceFile.statements;
  if (name.qualifier !== undefined) {
    const reference = namespaceImport(statements, name.qualifier, name.name);
    return reference ? lookupInModule(host, host.file, reference, 1) : SKIP;
  }
  const local = localDeclaration(statements, name.name);
  if (local === 'other') return SKIP;
  if (isTypeOnly(local)) return local;
  if (local) return { kind: 'class', declaration: local, bindings: collectModuleBindings(host.sourceFile) };
  const imported = namedImport(statements, name.name);
  return imported ? lookupInModule(host, host.file, imported, 1) : SKIP;
}

function lookupInModule(host: DtoLookupHost, fromFile: string, reference: ModuleReference, hopsLeft: number): DtoLookup {
  const { specifier } = reference;
  // Under Nx only the project's own files and its dependencies' are this task's inputs: reading
  // another project's would let a cached result outlive a change there.
  const resolved = resolveModule(
    { file: fromFile, checkedFile: host.file, readFile: host.readFile, derive: host.derive, workspace: host.workspace },
    specifier,
  );
  if (!('module' in resolved)) return { kind: 'unresolved', specifier, where: resolved.unresolved };
  const { module } = resolved;
  const summary = derived(host, exportSummaries, module.path, module.text);
  const found = summary.names.get(reference.exported);
  if (found === 'other') return SKIP;
  if (isTypeOnly(found)) return found;
  if (found === 'class') {
    // Only a class needs its tree: the rule reads its properties.
    const sourceFile = ts.createSourceFile(module.path, module.text, ts.ScriptTarget.Latest, true);
    return {
      kind: 'class',
      declaration: exportedDeclaration(sourceFile, reference.exported) as ts.ClassLikeDeclaration,
      bindings: collectModuleBindings(sourceFile),
    };
  }
  const reExports = found ? [found] : summary.stars.map((next) => ({ specifier: next, exported: reference.exported }));
  if (hopsLeft === 0 || reExports.length > MAX_STAR_EXPORTS) return { kind: 'unresolved', specifier, where: 'missing' };
  let last: DtoLookup = { kind: 'unresolved', specifier, where: 'missing' };
  for (const next of reExports) {
    last = lookupInModule(host, module.path, next, hopsLeft - 1);
    if (last.kind !== 'unresolved') return last;
  }
  return reExports.length === 1 ? last : { kind: 'unresolved', specifier, where: 'missing' };
}

function isModuleReference(value: ts.ClassLikeDeclaration | ModuleReference | TypeOnly): value is ModuleReference {
  return typeof (value as Partial<ModuleReference>).specifier === 'string';
}

/** What a module exports under each name, without its syntax tree, and its `export *` specifiers. */
interface ExportSummary {
  names: Map<string, 'class' | 'other' | TypeOnly | ModuleReference>;
  stars: string[];
}

// A barrel of generated types (hundreds of kilobytes) is met by every controller that imports from
// it: its summary is parsed once per run.
const exportSummaries = defineTextService('export summaries', 32, (path, text): ExportSummary => {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const names: ExportSummary['names'] = new Map();
  for (const name of exportedNames(sourceFile)) {
    const found = exportedDeclaration(sourceFile, name);
    if (found !== undefined) names.set(name, found === 'other' || isTypeOnly(found) || isModuleReference(found) ? found : 'class');
  }
  return { names, stars: starExports(sourceFile, '').map((reference) => reference.specifier) };
});

/** Every name a module's own statements export (`export class X`, `export { a as b }`, `export default`). */
function exportedNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) names.add('default');
    else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    } else if (isExported(statement)) {
      if (isDefault(statement)) names.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      } else {
        const name = (statement as ts.Statement & { name?: ts.Node }).name;
        if (name && ts.isIdentifier(name)) names.add(name.text);
      }
    }
  }
  return names;
}

/** A class declared at the top level under `name`, a type for an interface or type alias, `other` for any other declaration of it. */
function localDeclaration(statements: readonly ts.Statement[], name: string): ts.ClassDeclaration | TypeOnly | 'other' | undefined {
  for (const statement of statements) {
    if (ts.isClassDeclaration(statement) && statement.name?.text === name) return statement;
    if (declaresOtherThanClass(statement, name)) return typeOnly(statement) ?? 'other';
  }
  return undefined;
}

type TypeOnly = Extract<DtoLookup, { kind: 'type' }>;

function typeOnly(statement: ts.Statement): TypeOnly | undefined {
  if (ts.isInterfaceDeclaration(statement)) return { kind: 'type', what: 'an interface' };
  if (ts.isTypeAliasDeclaration(statement)) return { kind: 'type', what: 'a type alias' };
  return undefined;
}

function isTypeOnly(value: unknown): value is TypeOnly {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'type';
}

function declaresOtherThanClass(statement: ts.Statement, name: string): boolean {
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isFunctionDeclaration(statement)) {
    return statement.name?.text === name;
  }
  if (ts.isModuleDeclaration(statement)) return ts.isIdentifier(statement.name) && statement.name.text === name;
  return (
    ts.isVariableStatement(statement) &&
    statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name)
  );
}

function namedImport(statements: readonly ts.Statement[], local: string): ModuleReference | undefined {
  for (const statement of statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name?.text === local) return { specifier, exported: 'default' };
    const bindings = clause.namedBindings;
    const element = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((candidate) => candidate.name.text === local) : undefined;
    if (element) return { specifier, exported: (element.propertyName ?? element.name).text };
  }
  return undefined;
}

function namespaceImport(statements: readonly ts.Statement[], namespace: string, exported: string): ModuleReference | undefined {
  for (const statement of statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === namespace) return { specifier: statement.moduleSpecifier.text, exported };
  }
  return undefined;
}

/**
 * What a module exports under `exported`: a class, `other` (an interface, a constant...), a named
 * re-export to follow, or undefined when the module does not mention the name.
 */
function exportedDeclaration(sourceFile: ts.SourceFile, exported: string): ts.ClassLikeDeclaration | ModuleReference | TypeOnly | 'other' | undefined {
  const statements = sourceFile.statements;
  for (const statement of statements) {
    if (ts.isClassDeclaration(statement) && isExported(statement) && (isDefault(statement) ? exported === 'default' : statement.name?.text === exported))
      return statement;
    if (exported === 'default' && ts.isExportAssignment(statement) && !statement.isExportEquals) return defaultExport(statements, statement.expression);
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const element = statement.exportClause.elements.find((candidate) => candidate.name.text === exported);
      if (!element) continue;
      const original = (element.propertyName ?? element.name).text;
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) return { specifier: statement.moduleSpecifier.text, exported: original };
      return localOrImported(statements, original);
    }
    if (isExported(statement) && declaresOtherThanClass(statement, exported)) return typeOnly(statement) ?? 'other';
  }
  return undefined;
}

function defaultExport(
  statements: readonly ts.Statement[],
  expression: ts.Expression,
): ts.ClassLikeDeclaration | ModuleReference | TypeOnly | 'other' | undefined {
  if (ts.isClassExpression(expression)) return expression;
  return ts.isIdentifier(expression) ? localOrImported(statements, expression.text) : 'other';
}

/** `export { X }` of a local class, or of an import (followed like a re-export). */
function localOrImported(statements: readonly ts.Statement[], local: string): ts.ClassLikeDeclaration | ModuleReference | TypeOnly | 'other' | undefined {
  return localDeclaration(statements, local) ?? namedImport(statements, local);
}

/** `export * from './x'` lines: the name may come from any of them. */
function starExports(sourceFile: ts.SourceFile, exported: string): ModuleReference[] {
  return sourceFile.statements
    .filter(
      (statement): statement is ts.ExportDeclaration & { moduleSpecifier: ts.StringLiteral } =>
        ts.isExportDeclaration(statement) &&
        statement.exportClause === undefined &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteral(statement.moduleSpecifier),
    )
    .map((statement) => ({ specifier: statement.moduleSpecifier.text, exported }));
}

function isExported(statement: ts.Statement): boolean {
  return hasModifier(statement, ts.SyntaxKind.ExportKeyword);
}

function isDefault(statement: ts.Statement): boolean {
  return hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}
