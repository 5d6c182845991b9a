import { Project, ts } from 'ts-morph';
import { scriptKindOf } from '../engine/source-kinds';
import type { FixableViolation, TextEdit } from '../engine/types';
import { ImportChanges } from './import-changes';

export interface ApplyFixesInput {
  /** Posix path relative to the workspace root: decides the parser mode and names the file in a refusal. */
  file: string;
  /** The text the fixes' offsets refer to. */
  text: string;
  /** The fixes to apply, already filtered by kind, in source order. */
  fixes: readonly FixableViolation[];
}

export interface ApplyFixesResult {
  /** The fixed text, or the original one when nothing applied or the result was refused. */
  text: string;
  applied: FixableViolation[];
  /** Fixes that overlap an earlier one (or cannot add their import): a later run applies them. */
  skipped: FixableViolation[];
  /** Why nothing was applied: the fixed text would not parse. */
  refused?: string;
}

/**
 * Applies a file's fixes in one manipulation of one ts-morph source file: every edit and every
 * import change is a text change of the original text, so the rest of the file keeps its bytes
 * (formatting, comments, line endings). A fix whose edits overlap an earlier accepted fix is skipped
 * whole. The result is parsed again; if it does not parse, nothing is applied and the reason is
 * returned. Pure: text in, text out; the in-memory project is dropped before returning.
 */
export function applyFixes(input: ApplyFixesInput): ApplyFixesResult {
  if (input.fixes.length === 0) return { text: input.text, applied: [], skipped: [] };
  const scriptKind = scriptKindOf(input.file);
  // Only code files have imports to add; a text file's fixes are plain edits.
  if (scriptKind === undefined) return applyToText(input);

  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
  const sourceFile = project.createSourceFile(`/${input.file}`, input.text, { scriptKind, overwrite: true });
  try {
    const imports = new ImportChanges(input.text, sourceFile);
    const accepted = new AcceptedRanges();
    const applied: FixableViolation[] = [];
    const skipped: FixableViolation[] = [];
    for (const fixable of input.fixes) {
      const needed = imports.needed(fixable.fix.imports);
      const edits = validEdits(fixable.fix.edits, input.text.length);
      const insertionPoints = 'conflict' in needed ? [] : needed.map(({ module }) => imports.insertionPoint(module));
      if ('conflict' in needed || !edits || !accepted.accepts(edits, insertionPoints)) {
        skipped.push(fixable);
        continue;
      }
      accepted.add(edits, insertionPoints);
      imports.add(needed);
      applied.push(fixable);
    }
    if (applied.length === 0) return { text: input.text, applied, skipped };

    const changes = inApplyOrder([...imports.edits(), ...applied.flatMap((fixable) => fixable.fix.edits)]);
    sourceFile.applyTextChanges(changes.map((edit) => ({ span: { start: edit.start, length: edit.end - edit.start }, newText: edit.text })));
    const text = sourceFile.getFullText();
    const error = firstSyntaxError(input.file, text, scriptKind);
    if (error) return { text: input.text, applied: [], skipped, refused: `${input.file}: not fixed, the result would not parse: ${error}` };
    return { text, applied, skipped };
  } finally {
    // The project holds the only references to the trees: without them nothing outlives the call.
    project.removeSourceFile(sourceFile);
  }
}

/** Edits of a text file, applied by position; fixes that need an import cannot be applied there. */
function applyToText(input: ApplyFixesInput): ApplyFixesResult {
  const accepted = new AcceptedRanges();
  const applied: FixableViolation[] = [];
  const skipped: FixableViolation[] = [];
  for (const fixable of input.fixes) {
    const edits = validEdits(fixable.fix.edits, input.text.length);
    if ((fixable.fix.imports?.length ?? 0) > 0 || !edits || !accepted.accepts(edits, [])) {
      skipped.push(fixable);
      continue;
    }
    accepted.add(edits, []);
    applied.push(fixable);
  }
  const edits = inApplyOrder(applied.flatMap((fixable) => fixable.fix.edits));
  let text = '';
  let position = 0;
  for (const edit of edits) {
    text += input.text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return { text: text + input.text.slice(position), applied, skipped };
}

/** The edits sorted, or undefined when one is out of the text or they overlap each other (a rule's bug: the fix is skipped). */
function validEdits(edits: readonly TextEdit[], length: number): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 0; index < sorted.length; index++) {
    const { start, end } = sorted[index];
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) return undefined;
    if (index > 0 && overlaps(sorted[index - 1], sorted[index])) return undefined;
  }
  return sorted;
}

/**
 * By position; at one position insertions first (imports before edits, then in fix order), since
 * an insertion placed after a replacement starting at the same offset would land inside it.
 */
function inApplyOrder(edits: readonly TextEdit[]): TextEdit[] {
  const rank = (edit: TextEdit) => (edit.start === edit.end ? 0 : 1);
  return [...edits].sort((a, b) => a.start - b.start || rank(a) - rank(b));
}

/** The ranges of the fixes accepted so far; insertions are empty ranges. */
class AcceptedRanges {
  private readonly ranges: { start: number; end: number }[] = [];

  accepts(edits: readonly TextEdit[], insertionPoints: readonly number[]): boolean {
    const candidates = [...edits, ...insertionPoints.map((at) => ({ start: at, end: at }))];
    return candidates.every((candidate) => this.ranges.every((range) => !overlaps(range, candidate)));
  }

  add(edits: readonly TextEdit[], insertionPoints: readonly number[]): void {
    this.ranges.push(...edits.map(({ start, end }) => ({ start, end })), ...insertionPoints.map((at) => ({ start: at, end: at })));
  }
}

/**
 * Two `[start, end)` ranges share text. Two insertions at one point, or an insertion at the edge of
 * a replacement, do not: the text changes apply in order. An insertion strictly inside a
 * replacement does, and so do two equal non-empty ranges.
 */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** `line:column message` of the first syntax error, as lint-source reports a file that does not parse. */
function firstSyntaxError(file: string, text: string, scriptKind: ts.ScriptKind): string | undefined {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind);
  // `parseDiagnostics` is not in the public typings; it holds the syntax errors without a Program.
  const first = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
}
