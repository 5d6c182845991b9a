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
  return fingerprinter(parts.ruleId, parts.file, normaliseLine(parts.lineText))(parts.occurrence);
}

/**
 * `fingerprintOf` for many findings of one rule on one line: the line is hashed once and each
 * occurrence costs a copy of the hash state, so thousands of findings on a long (minified) line
 * stay linear. Gives exactly `fingerprintOf`'s values.
 */
export function fingerprinter(ruleId: string, file: string, normalisedLine: string): (occurrence: number) => string {
  const prefix = createHash('sha256').update(`${ruleId}\0${file}\0${normalisedLine}\0`);
  return (occurrence) => prefix.copy().update(String(occurrence)).digest('hex').slice(0, 20);
}
