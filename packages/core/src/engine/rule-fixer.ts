import type { ts } from 'ts-morph';
import type { Fix, FixFunction, FixImport, FixKind, FixTarget, RuleFixer, TextEdit } from './types';

/**
 * The fixer handed to a rule's fix functions. Node targets need the syntax tree, so it is asked for
 * only when a fix names a node (text rules fix ranges and never cause a parse).
 */
export function createFixer(sourceFile: () => ts.SourceFile): { run(kind: FixKind, compute: FixFunction): Fix | undefined } {
  return {
    run(kind, compute) {
      const imports: FixImport[] = [];
      const rangeOf = (target: FixTarget): readonly [number, number] =>
        'kind' in target ? [target.getStart(sourceFile()), target.getEnd()] : (target as readonly [number, number]);
      const fixer: RuleFixer = {
        replaceText: (target, text) => edit(rangeOf(target), text),
        insertTextBefore: (target, text) => edit([rangeOf(target)[0], rangeOf(target)[0]], text),
        insertTextAfter: (target, text) => edit([rangeOf(target)[1], rangeOf(target)[1]], text),
        remove: (target) => edit(rangeOf(target), ''),
        addImport: (moduleSpecifier, namedImports) => {
          imports.push({ moduleSpecifier, namedImports: [...namedImports] });
        },
      };
      const computed = compute(fixer);
      if (computed === null || computed === undefined) return undefined;
      const edits: readonly TextEdit[] = isEdit(computed) ? [computed] : computed;
      if (edits.length === 0 && imports.length === 0) return undefined;
      return imports.length > 0 ? { kind, edits, imports } : { kind, edits };
    },
  };
}

function edit([start, end]: readonly [number, number], text: string): TextEdit {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start))
    throw new Error(`a fix edits [${start}, ${end}), which is not a range of the file`);
  return { start, end, text };
}

function isEdit(value: TextEdit | readonly TextEdit[]): value is TextEdit {
  return !Array.isArray(value);
}
