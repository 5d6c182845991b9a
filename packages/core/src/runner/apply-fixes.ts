import { ts } from '../../lazy/typescript';
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

  // The compiler's tree, not a ts-morph project: wrapping a one-line file of thousands of
  // statements costs quadratic time in comment extraction, and nothing here needs the wrappers.
  const sourceFile = ts.createSourceFile(input.file, input.text, ts.ScriptTarget.Latest, true, scriptKind);
  {
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

    const text = applyEdits(input.text, inApplyOrder([...imports.edits(), ...applied.flatMap((fixable) => fixable.fix.edits)]));
    const error = firstSyntaxError(input.file, text, scriptKind);
    if (error) return { text: input.text, applied: [], skipped, refused: `${input.file}: not fixed, the result would not parse: ${error}` };
    return { text, applied, skipped };
  }
}

/** The text with non-overlapping edits (in apply order: by position, insertions first) applied, in one pass. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = Math.max(at, edit.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
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

/**
 * The ranges of the fixes accepted so far (insertions are empty ranges), sorted by start: a
 * candidate is compared with its neighbours only, so thousands of fixes in one file stay fast.
 */
class AcceptedRanges {
  private readonly ranges: { start: number; end: number }[] = [];

  accepts(edits: readonly TextEdit[], insertionPoints: readonly number[]): boolean {
    const candidates = [...edits, ...insertionPoints.map((at) => ({ start: at, end: at }))];
    return candidates.every((candidate) => !this.overlapsAny(candidate));
  }

  add(edits: readonly TextEdit[], insertionPoints: readonly number[]): void {
    for (const range of [...edits.map(({ start, end }) => ({ start, end })), ...insertionPoints.map((at) => ({ start: at, end: at }))]) {
      // At one offset insertions sort before the replacement that starts there: scanning leftwards,
      // a range that ends before the candidate then proves that every range left of it does too.
      this.ranges.splice(range.start === range.end ? this.firstStartingAfter(range.start - 1) : this.firstStartingAfter(range.start), 0, range);
    }
  }

  /** Accepted ranges do not overlap one another, so only those starting before the candidate's end, back to its start, can overlap it. */
  private overlapsAny(candidate: { start: number; end: number }): boolean {
    for (let index = this.firstStartingAfter(candidate.end) - 1; index >= 0; index--) {
      const range = this.ranges[index];
      if (overlaps(range, candidate)) return true;
      // Ranges further left end at or before this one starts (they do not overlap it), so before the candidate too.
      if (range.end < candidate.start) return false;
    }
    return false;
  }

  /** The index of the first range that starts after `offset`. */
  private firstStartingAfter(offset: number): number {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ranges[middle].start <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
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
