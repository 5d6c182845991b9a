import { createHash } from 'node:crypto';

/** Whitespace-insensitive form of a source line, so re-indenting does not change fingerprints. */
export function normaliseLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/**
 * Identifies a violation independently of its line number: the rule, the file, the flagged line's
 * normalised text and how many identical (rule, line text) findings precede it in the file. Edits
 * elsewhere in the file leave it unchanged; editing the flagged line changes it.
 */
export function fingerprintOf(parts: { ruleId: string; file: string; lineText: string; occurrence: number }): string {
  return createHash('sha256')
    .update(`${parts.ruleId}\0${parts.file}\0${normaliseLine(parts.lineText)}\0${parts.occurrence}`)
    .digest('hex')
    .slice(0, 20);
}
