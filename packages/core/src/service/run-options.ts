import type { FixKind } from '../engine/types';
import { parseOutputTargets, type OutputTarget } from '../reporters/output-target';

/** The options every surface (CLI flags, executor options) gives a run, once normalised. */
export interface RunOptions {
  /** Where each requested format goes: at most one to the terminal, the others to files. */
  outputs: OutputTarget[];
  /** More new warnings than this fail the run; undefined: warnings never fail. */
  maxWarnings?: number;
  reportUnusedSuppressions: boolean;
  updateBaseline: boolean;
  profile: boolean;
  fix: boolean;
  /** `safe`: safe fixes only; `suggestion`: safe fixes and suggestions; `dangerous`: safe and dangerous fixes. */
  fixType: FixKind;
  watch: boolean;
}

/** The options as a surface receives them, before normalising. */
export interface RawRunOptions {
  format?: string | readonly string[];
  maxWarnings?: unknown;
  reportUnusedSuppressions?: boolean;
  updateBaseline?: boolean;
  profile?: boolean;
  fix?: boolean;
  fixType?: unknown;
  watch?: boolean;
}

/**
 * What each option is called where the user typed it (`--max-warnings` on the command line,
 * `maxWarnings` in a target's options), so an error names what the user can change.
 */
export type OptionNames = Record<keyof RawRunOptions, string>;

export const CLI_OPTION_NAMES: OptionNames = {
  format: '--format',
  maxWarnings: '--max-warnings',
  reportUnusedSuppressions: '--report-unused-suppressions',
  updateBaseline: '--update-baseline',
  profile: '--profile',
  fix: '--fix',
  fixType: '--fix-type',
  watch: '--watch',
};

export const TARGET_OPTION_NAMES: OptionNames = {
  format: 'format',
  maxWarnings: 'maxWarnings',
  reportUnusedSuppressions: 'reportUnusedSuppressions',
  updateBaseline: 'updateBaseline',
  profile: 'profile',
  fix: 'fix',
  fixType: 'fixType',
  watch: 'watch',
};

/** Options that cannot run: nothing was checked. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/**
 * Normalises a run's options, the same way for the CLI and the executor.
 *
 * @throws OptionError naming the option as the user wrote it
 */
export function normaliseRunOptions(raw: RawRunOptions, names: OptionNames): RunOptions {
  const fix = raw.fix === true;
  const options: RunOptions = {
    outputs: outputsOf(raw.format, names),
    maxWarnings: maxWarningsOf(raw.maxWarnings, names),
    reportUnusedSuppressions: raw.reportUnusedSuppressions === true,
    updateBaseline: raw.updateBaseline === true,
    profile: raw.profile === true,
    fix,
    fixType: fixTypeOf(raw.fixType, names),
    watch: raw.watch === true,
  };
  // A fix run writes sources, never the baseline, and is not profiled; a watch only checks. (A
  // fixType without fix is not refused here: a target's options carry the schema's default.)
  if (fix && options.updateBaseline) throw new OptionError(`${names.fix} cannot be combined with ${names.updateBaseline}: fix first, then record the baseline`);
  if (fix && options.profile) throw new OptionError(`${names.profile} is not available with ${names.fix}`);
  if (options.watch && (fix || options.updateBaseline))
    throw new OptionError(`${names.watch} cannot be combined with ${fix ? names.fix : names.updateBaseline}: run that once, then watch`);
  return options;
}

/** `name` or `name:file` entries, as a list or comma-separated; stylish on the terminal by default. */
function outputsOf(format: RawRunOptions['format'], names: OptionNames): OutputTarget[] {
  const texts = format === undefined ? ['stylish'] : typeof format === 'string' ? format.split(',') : [...format];
  try {
    return parseOutputTargets(texts.map((text) => text.trim()));
  } catch (error) {
    throw new OptionError(`${names.format}: ${(error as Error).message}`);
  }
}

/** A whole number; a negative one (the target's default, -1) means no limit. */
function maxWarningsOf(value: unknown, names: OptionNames): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw new OptionError(`${names.maxWarnings} takes a whole number, not "${String(value)}"`);
  return number < 0 ? undefined : number;
}

function fixTypeOf(value: unknown, names: OptionNames): FixKind {
  if (value === undefined) return 'safe';
  if (value === 'safe' || value === 'suggestion' || value === 'dangerous') return value;
  throw new OptionError(`${names.fixType} takes safe, suggestion or dangerous, not "${String(value)}"`);
}
