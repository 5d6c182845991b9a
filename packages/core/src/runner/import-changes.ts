import { ts } from '../../lazy/typescript';
import type { FixImport, TextEdit } from '../engine/types';
import { syntaxKindSet } from '../engine/syntax-kind-set';

/** The imports a file already has, and where fixes' new imports go, written like their neighbours. */
export class ImportChanges {
  /** Local name → module specifier, for every name an import binds. */
  private readonly bound = new Map<string, string>();
  /** Per module: the `import { … }` new names are merged into. */
  private readonly mergeTargets = new Map<string, ts.NamedImports>();
  /** Names to add, per module, in the order fixes asked for them. */
  private readonly added = new Map<string, string[]>();
  private readonly style: ImportStyle;
  private readonly newDeclarationsAt: { at: number; placement: 'after' | 'before' };

  constructor(
    private readonly text: string,
    sourceFile: ts.SourceFile,
  ) {
    const imports: ts.ImportDeclaration[] = [];
    let lastImport: ts.Statement | undefined;
    // The compiler's statements, not ts-morph's wrappers: wrapping a statement list extracts its
    // comments, which on a one-line file of thousands of statements is quadratic.
    for (const node of sourceFile.statements) {
      if (!ts.isImportDeclaration(node)) continue;
      imports.push(node);
      lastImport = node;
      this.recordBindings(node);
    }
    for (const statement of sourceFile.statements) {
      if (ts.isImportEqualsDeclaration(statement)) {
        this.bound.set(statement.name.text, '');
        if (!lastImport || statement.pos > lastImport.pos) lastImport = statement;
      }
    }
    this.style = detectStyle(text, sourceFile, imports);
    this.newDeclarationsAt = lastImport ? { at: lastImport.getEnd(), placement: 'after' } : topOfFile(text, sourceFile);
  }

  /**
   * The names these imports still need (not yet imported from their module), or a reason they
   * cannot be added: the name is already bound by an import of another module.
   */
  needed(imports: readonly FixImport[] = []): { module: string; name: string }[] | { conflict: string } {
    const needed: { module: string; name: string }[] = [];
    for (const { moduleSpecifier, namedImports } of imports) {
      for (const name of namedImports) {
        const boundTo = this.bound.get(name);
        if (boundTo === moduleSpecifier) continue;
        if (boundTo !== undefined) return { conflict: `"${name}" is already imported from another module` };
        if (!(this.added.get(moduleSpecifier) ?? []).includes(name)) needed.push({ module: moduleSpecifier, name });
      }
    }
    return needed;
  }

  /** Where the names of `module` would be inserted (an offset of the original text). */
  insertionPoint(module: string): number {
    const target = this.mergeTargets.get(module);
    return target ? target.elements[target.elements.length - 1].getEnd() : this.newDeclarationsAt.at;
  }

  add(names: readonly { module: string; name: string }[]): void {
    for (const { module, name } of names) {
      const list = this.added.get(module) ?? [];
      if (!list.includes(name)) list.push(name);
      this.added.set(module, list);
    }
  }

  /** Insertions into the original text: names merged into existing imports, then one declaration per new module. */
  edits(): TextEdit[] {
    const edits: TextEdit[] = [];
    const declarations: string[] = [];
    for (const [module, names] of this.added) {
      const target = this.mergeTargets.get(module);
      if (target) {
        const at = target.elements[target.elements.length - 1].getEnd();
        const separator = this.text.slice(target.getStart(), target.getEnd()).includes('\n')
          ? `,${this.style.newline}${indentOf(this.text, target.elements[target.elements.length - 1].getStart())}`
          : ', ';
        edits.push({ start: at, end: at, text: names.map((name) => `${separator}${name}`).join('') });
      } else {
        const { quote, semicolon, braceSpace } = this.style;
        declarations.push(`import {${braceSpace}${names.join(', ')}${braceSpace}} from ${quote}${module}${quote}${semicolon ? ';' : ''}`);
      }
    }
    if (declarations.length > 0) {
      const { at, placement } = this.newDeclarationsAt;
      const { newline } = this.style;
      const text = placement === 'after' ? declarations.map((line) => `${newline}${line}`).join('') : `${declarations.join(newline)}${newline}${newline}`;
      edits.push({ start: at, end: at, text });
    }
    return edits;
  }

  private recordBindings(node: ts.ImportDeclaration): void {
    const clause = node.importClause;
    if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    if (clause.name) this.bound.set(clause.name.text, clause.isTypeOnly ? '' : module);
    const bindings = clause.namedBindings;
    if (!bindings) return;
    if (ts.isNamespaceImport(bindings)) {
      this.bound.set(bindings.name.text, '');
      return;
    }
    for (const element of bindings.elements) {
      // A renamed or type-only binding is not the value the fix refers to by this name.
      const isPlainValue =
        !clause.isTypeOnly && !element.isTypeOnly && (element.propertyName === undefined || element.propertyName.getText() === element.name.text);
      this.bound.set(element.name.text, isPlainValue ? module : '');
    }
    if (!clause.isTypeOnly && bindings.elements.length > 0 && !this.mergeTargets.has(module)) this.mergeTargets.set(module, bindings);
  }
}

interface ImportStyle {
  quote: '"' | "'";
  semicolon: boolean;
  braceSpace: '' | ' ';
  newline: '\n' | '\r\n';
}

/** How the file writes imports (or, without any, strings and statements): new imports must look the same. */
function detectStyle(text: string, sourceFile: ts.SourceFile, imports: readonly ts.ImportDeclaration[]): ImportStyle {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const first = imports[0];
  const quoteSample = first ? first.moduleSpecifier.getText(sourceFile) : firstStringLiteral(sourceFile)?.getText(sourceFile);
  const quote = quoteSample?.startsWith('"') ? '"' : "'";
  const namedImports = imports
    .map((node) => node.importClause?.namedBindings)
    .find((bindings): bindings is ts.NamedImports => bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0);
  const braceSpace = namedImports && !/^\{\s/.test(namedImports.getText(sourceFile)) ? '' : ' ';
  return { quote, semicolon: usesSemicolons(sourceFile, imports), braceSpace, newline };
}

/** The imports' own habit if there are imports, else the majority of statements that may end with `;` (ties: yes). */
function usesSemicolons(sourceFile: ts.SourceFile, imports: readonly ts.ImportDeclaration[]): boolean {
  const samples: readonly ts.Statement[] = imports.length > 0 ? imports : sourceFile.statements.filter(endsWithOptionalSemicolon);
  const withSemicolon = samples.filter((statement) => statement.getText(sourceFile).endsWith(';')).length;
  return withSemicolon * 2 >= samples.length;
}

const optionalSemicolonKinds = syntaxKindSet(() => [
  ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.TypeAliasDeclaration,
]);

function endsWithOptionalSemicolon(statement: ts.Statement): boolean {
  return optionalSemicolonKinds.has(statement.kind);
}

function firstStringLiteral(root: ts.Node): ts.StringLiteral | undefined {
  const visit = (node: ts.Node): ts.StringLiteral | undefined => (ts.isStringLiteral(node) ? node : ts.forEachChild(node, visit));
  return visit(root);
}

/**
 * Where a file without imports gets its first: after the directive prologue (`'use client'` must
 * stay first), else before the first statement but above the comments attached to it (a
 * `// @ts-expect-error` or JSDoc must keep annotating its statement), below a detached file header.
 */
function topOfFile(text: string, sourceFile: ts.SourceFile): { at: number; placement: 'after' | 'before' } {
  const statements = sourceFile.statements;
  let directives = 0;
  while (
    directives < statements.length &&
    ts.isExpressionStatement(statements[directives]) &&
    ts.isStringLiteral((statements[directives] as ts.ExpressionStatement).expression)
  )
    directives++;
  if (directives > 0) return { at: statements[directives - 1].getEnd(), placement: 'after' };
  const first = statements[0];
  if (!first) return { at: text.length, placement: 'after' };
  let at = first.getStart(sourceFile);
  const comments = ts.getLeadingCommentRanges(text, first.getFullStart()) ?? [];
  for (let index = comments.length - 1; index >= 0; index--) {
    const between = text.slice(comments[index].end, at);
    if ((between.match(/\n/g) ?? []).length > 1) break;
    // A pragma works only above all code: the import goes below it, never above.
    if (PRAGMA.test(text.slice(comments[index].pos, comments[index].end))) break;
    at = comments[index].pos;
  }
  return { at, placement: 'before' };
}

/** Comments that act only at the top of a file: TypeScript's check pragmas, triple-slash references, JSX pragmas, `// @flow`. */
const PRAGMA = /^\/\/\/\s*<(?:reference|amd-module|amd-dependency)\b|^\/\/\s*@ts-(?:nocheck|check)\b|@jsx(?:ImportSource|Runtime|Frag)?\s|^\/\/\s*@flow\b/;

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}
