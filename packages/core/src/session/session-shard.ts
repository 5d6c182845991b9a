import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Severity } from '../engine/types';
import { stableStringify } from '../json/stable-stringify';
import type { FileResult } from '../runner/check-files';
import { compareStrings, compareViolations } from '../runner/run-report';
import { writeFileAtomic } from './atomic-write';

export const SESSION_SHARD_VERSION = 1;
export const SESSION_SHARD_FILE = 'session.json';

/** A violation in compact form: [ruleId, severity, line, column, fingerprint]. */
export type CompactViolation = [ruleId: string, severity: Severity, line: number, column: number, fingerprint: string];

/** One project's state after a run: enough to tell which files changed since, and what each had. */
export interface SessionShard {
  version: typeof SESSION_SHARD_VERSION;
  project: string;
  enforcerVersion: string;
  configHash: string;
  files: Record<string, { hash?: string; violations: CompactViolation[] }>;
  rules: Record<string, { files: number; violations: number }>;
  totals: { files: number; errors: number; warnings: number };
}

export type ShardReadResult = { shard: SessionShard } | { missing: true } | { corrupt: string; setAsideTo: string };

export function buildSessionShard(results: readonly FileResult[], meta: { project: string; enforcerVersion: string; configHash: string }): SessionShard {
  const files: SessionShard['files'] = {};
  const rules: SessionShard['rules'] = {};
  let errors = 0;
  let warnings = 0;
  for (const result of [...results].sort((a, b) => compareStrings(a.file, b.file))) {
    const violations = [...result.violations].sort(compareViolations);
    files[result.file] = {
      hash: result.hash,
      violations: violations.map((v): CompactViolation => [v.ruleId, v.severity, v.line, v.column, v.fingerprint]),
    };
    const rulesInFile = new Set<string>();
    for (const violation of violations) {
      if (violation.severity === 'error') errors++;
      else warnings++;
      const counts = (rules[violation.ruleId] ??= { files: 0, violations: 0 });
      counts.violations++;
      if (!rulesInFile.has(violation.ruleId)) {
        rulesInFile.add(violation.ruleId);
        counts.files++;
      }
    }
  }
  return { version: SESSION_SHARD_VERSION, ...meta, files, rules, totals: { files: results.length, errors, warnings } };
}

/**
 * The per-project session file inside the project's output folder. Written atomically; a shard that
 * cannot be trusted (unparsable, another version, another project) is renamed to `*.corrupt` and
 * reported, never fatal.
 */
export class SessionShardStore {
  readonly path: string;

  constructor(
    outputDirectory: string,
    private readonly project: string,
  ) {
    if (!project) throw new Error('SessionShardStore needs a project name');
    this.path = join(outputDirectory, SESSION_SHARD_FILE);
  }

  async write(shard: SessionShard): Promise<void> {
    if (shard.project !== this.project) throw new Error(`shard of project ${shard.project} cannot be written to ${this.project}'s store`);
    await writeFileAtomic(this.path, stableStringify(shard));
  }

  async read(): Promise<ShardReadResult> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
      return this.setAside(`unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return this.setAside('not valid JSON (truncated or corrupt)');
    }
    const problem = this.validate(data);
    return problem ? this.setAside(problem) : { shard: data as SessionShard };
  }

  private validate(data: unknown): string | undefined {
    if (data === null || typeof data !== 'object') return 'not a JSON object';
    const shard = data as Partial<SessionShard>;
    if (shard.version !== SESSION_SHARD_VERSION) return `unknown version ${JSON.stringify(shard.version)} (expected ${SESSION_SHARD_VERSION})`;
    if (shard.project !== this.project) return `belongs to project ${JSON.stringify(shard.project)}, not ${JSON.stringify(this.project)}`;
    if (typeof shard.files !== 'object' || shard.files === null) return 'has no files map';
    return undefined;
  }

  private async setAside(reason: string): Promise<ShardReadResult> {
    const setAsideTo = `${this.path}.corrupt`;
    await rename(this.path, setAsideTo).catch(() => undefined);
    return { corrupt: reason, setAsideTo };
  }
}
