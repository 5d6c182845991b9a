import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error';
import type { Violation } from '../engine/types';
import { stableStringify } from '../json/stable-stringify';
import { compareStrings } from '../json/compare-strings';
import { writeFileAtomic } from './atomic-write';

export const BASELINE_FILE = 'enforcer.baseline.json';
export const BASELINE_VERSION = 1;

/** An accepted historical violation: matched by fingerprint; rule, file and message are for humans. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  violations: BaselineEntry[];
}

/** How a run's violations relate to the baseline. */
export interface BaselineComparison {
  /** Fingerprints of the violations the baseline accepts. */
  historical: Set<string>;
  /** Baseline entries no violation matches any more: fixed, and dropped at the next update. */
  fixed: BaselineEntry[];
}

/**
 * A project's accepted historical violations (`<projectRoot>/enforcer.baseline.json`), committed
 * and reviewed like code: sorted, one entry per violation, no positions (fingerprints survive edits
 * elsewhere in the file). Only `--update-baseline` writes it, so it can only shrink silently.
 */
export class Baseline {
  private constructor(readonly entries: readonly BaselineEntry[]) {}

  static empty(): Baseline {
    return new Baseline([]);
  }

  static fromViolations(violations: readonly Violation[]): Baseline {
    return new Baseline(sortEntries(violations.map(({ fingerprint, ruleId, file, message }) => ({ fingerprint, ruleId, file, message }))));
  }

  /**
   * Reads a baseline file; a missing file is an empty baseline. A malformed one is a ConfigError:
   * silently dropping it would turn every accepted violation into a new, blocking one.
   */
  static async read(path: string, displayPath: string): Promise<Baseline> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Baseline.empty();
      throw new ConfigError({
        code: 'config-unreadable',
        file: displayPath,
        problem: `cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      });
    }
    let data: Partial<BaselineFile>;
    try {
      // A byte-order mark (an editor on Windows) is not part of the JSON.
      data = JSON.parse(text.replace(/^\uFEFF/, '')) as Partial<BaselineFile>;
    } catch {
      throw new ConfigError({
        code: 'config-syntax',
        file: displayPath,
        problem: 'the baseline is not valid JSON; restore it from version control or run with --update-baseline',
      });
    }
    if (data?.version !== BASELINE_VERSION || !Array.isArray(data.violations) || !data.violations.every(isEntry)) {
      throw new ConfigError({
        code: 'config-invalid',
        file: displayPath,
        problem:
          `not a version ${BASELINE_VERSION} baseline ({ version, violations: [{ fingerprint, ruleId, file, message }] }); ` +
          `restore it or run with --update-baseline`,
      });
    }
    return new Baseline(sortEntries(data.violations));
  }

  compare(violations: readonly Violation[]): BaselineComparison {
    const current = new Set(violations.map((violation) => violation.fingerprint));
    const accepted = new Set(this.entries.map((entry) => entry.fingerprint));
    return {
      historical: new Set([...current].filter((fingerprint) => accepted.has(fingerprint))),
      fixed: this.entries.filter((entry) => !current.has(entry.fingerprint)),
    };
  }

  /** Writes the file atomically; an empty baseline removes nothing and writes an empty list. */
  async write(path: string): Promise<void> {
    const file: BaselineFile = { version: BASELINE_VERSION, violations: [...this.entries] };
    await writeFileAtomic(path, stableStringify(file));
  }
}

function isEntry(value: unknown): value is BaselineEntry {
  const entry = value as Partial<BaselineEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    ['fingerprint', 'ruleId', 'file', 'message'].every((key) => typeof (entry as Record<string, unknown>)[key] === 'string')
  );
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  return [...entries].sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint));
}
