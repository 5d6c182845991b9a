import { FORMATS, isFormatName, type FormatName } from './index';

/** One requested output: a format, printed to the terminal, or written to `file` when one is given. */
export interface OutputTarget {
  format: FormatName;
  file?: string;
}

/**
 * Parses `name` or `name:file` (as `--format` takes it, repeatable). Only the first colon splits,
 * so Windows paths such as `sarif:C:\out\report.sarif` keep theirs.
 *
 * @throws Error naming the valid formats, or the missing file name
 */
export function parseOutputTarget(text: string): OutputTarget {
  const colon = text.indexOf(':');
  const format = colon === -1 ? text : text.slice(0, colon);
  if (!isFormatName(format)) throw new Error(`unknown format "${format}"; expected one of ${FORMATS.join(', ')} (optionally followed by :<file>)`);
  if (colon === -1) return { format };
  const file = text.slice(colon + 1);
  if (file.length === 0) throw new Error(`"${text}" names no file after the colon; write ${format}:<file>, or just ${format} for the terminal`);
  return { format, file };
}

/**
 * Parses every requested output. At most one may go to the terminal (two formats interleaved on
 * one stream would be unreadable and unparsable); each file may be written once.
 */
export function parseOutputTargets(texts: readonly string[]): OutputTarget[] {
  const targets = texts.map(parseOutputTarget);
  const toTerminal = targets.filter((target) => target.file === undefined);
  if (toTerminal.length > 1) {
    throw new Error(
      `only one format can print to the terminal, not ${toTerminal.map((target) => target.format).join(' and ')}; give the ` +
        `others a file, e.g. ${toTerminal[1].format}:report.${toTerminal[1].format}`,
    );
  }
  const files = new Set<string>();
  for (const { file } of targets) {
    if (file === undefined) continue;
    if (files.has(file)) throw new Error(`${file} is named by two formats`);
    files.add(file);
  }
  return targets;
}
