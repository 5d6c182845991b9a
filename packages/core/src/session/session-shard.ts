import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SESSION_LIMITS } from '../config/defaults';
import type { NoticeCode, RuleCoverageCounts, Severity, Violation } from '../engine/types';
import { SESSION_SHARD_FILE } from '../output-names';
import type { FileResult } from '../runner/check-files';
import { compareStrings, compareViolations } from '../runner/run-report';
import { writeJsonAtomic } from './atomic-write';

export const SESSION_SHARD_VERSION = 3;

type CompactFields = [
  ruleId: string,
  severity: Severity,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  message: string,
  fingerprint: string,
  messageId: string,
];

/** A violation in compact form (the file is the key it is stored under); the hint and the data, when there are, last. */
export type CompactViolation = CompactFields | [...CompactFields, hint: string] | [...CompactFields, hint: string | null, data: Record<string, string>];

export type CompactNotice = [code: NoticeCode, message: string];

export interface ShardFile {
  /** Nx's content hash of the file when it was checked. */
  hash?: string;
  violations: CompactViolation[];
  /** "And N more": violations found in the file but not stored, because a limit cut the list. */
  more?: number;
  /** Why the file was not (fully) checked: too large, binary, a rule that failed on it... */
  notices?: CompactNotice[];
  /** Other files rules read to check this one, with the digest of what they held (see `context.readFile`). */
  deps?: Record<string, string>;
  /** Per rule: what it examined and could not verify in the file (see `meta.coverage`), so a reused result counts the same. */
  cov?: RuleCoverageCounts;
}

/** Per rule: files it applied to, files with none / some of its violations, and its violations. */
export interface RuleCounts {
  checked: number;
  passed: number;
  failed: number;
  violations: number;
}

export interface SessionLimits {
  maxViolationsPerFile: number;
  maxViolations: number;
}

/** One project's state after a run: which files were checked, with what content, and what each had. */
export interface SessionShard {
  version: typeof SESSION_SHARD_VERSION;
  project: string;
  enforcerVersion: string;
  configHash: string;
  /** Hash of what else decides a file's result: run options and the workspace's projects. */
  contextHash: string;
  limits: SessionLimits;
  files: Record<string, ShardFile>;
  rules: Record<string, RuleCounts>;
  /** Exact, whatever the limits cut: `violations` found, `stored` in `files`, `more` left out. */
  totals: { files: number; errors: number; warnings: number; violations: number; stored: number; more: number; notices: number };
}

/** What a stored result was computed with; a file's result is reusable only while all of it is unchanged. */
export interface ShardKey {
  project: string;
  enforcerVersion: string;
  configHash: string;
  contextHash: string;
}

export type ShardReadResult = { shard: SessionShard } | { missing: true } | { corrupt: string; setAsideTo: string };

/**
 * Builds the shard from per-file results (in any order). Counts are exact; stored violations are
 * bounded per file and per shard, in path order, so the same results always give the same bytes.
 */
export function buildSessionShard(results: readonly FileResult[], key: ShardKey, limits: SessionLimits = DEFAULT_SESSION_LIMITS): SessionShard {
  const shard = new SessionShardBuilder(key, limits);
  for (const result of results) shard.add(result);
  return shard.finish();
}

/**
 * The shard built one file's result at a time, in any order (see `buildSessionShard`): each result
 * becomes its compact entry at once, so a run keeps entries, not results. The per-shard limit
 * follows path order, so it is applied when the shard is finished.
 */
export class SessionShardBuilder {
  private readonly files = new Map<string, ShardFile>();
  private readonly rules: SessionShard['rules'] = {};
  private readonly totals = { files: 0, errors: 0, warnings: 0, violations: 0, stored: 0, more: 0, notices: 0 };

  constructor(
    private readonly key: ShardKey,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  add(result: FileResult): void {
    const { totals } = this;
    const violations = [...result.violations].sort(compareViolations);
    const stored = violations.slice(0, this.limits.maxViolationsPerFile);
    const entry: ShardFile = { hash: result.hash, violations: stored.map(compact) };
    if (violations.length > stored.length) entry.more = violations.length - stored.length;
    if (result.notices.length > 0) entry.notices = result.notices.map((notice): CompactNotice => [notice.code, notice.message]);
    if (result.dependencies) entry.deps = result.dependencies;
    if (result.coverage) entry.cov = result.coverage;
    this.files.set(result.file, entry);

    totals.files++;
    totals.notices += result.notices.length;
    const failedRules = new Set<string>();
    for (const violation of violations) {
      totals.violations++;
      if (violation.severity === 'error') totals.errors++;
      else totals.warnings++;
      this.countsOf(violation.ruleId).violations++;
      failedRules.add(violation.ruleId);
    }
    // Pseudo-rules (parse errors, suppression problems) are not "applied", so they count only where they fired.
    for (const ruleId of new Set([...result.rules, ...failedRules])) {
      const counts = this.countsOf(ruleId);
      counts.checked++;
      if (failedRules.has(ruleId)) counts.failed++;
      else counts.passed++;
    }
  }

  finish(): SessionShard {
    const files: SessionShard['files'] = {};
    const totals = { ...this.totals, stored: 0, more: 0 };
    for (const file of [...this.files.keys()].sort(compareStrings)) {
      const added = this.files.get(file) as ShardFile;
      // Past the shard's limit, a file keeps only its counts (`more`): files later in path order lose theirs first.
      const room = Math.max(0, this.limits.maxViolations - totals.stored);
      const entry =
        added.violations.length > room
          ? { ...added, violations: added.violations.slice(0, room), more: (added.more ?? 0) + added.violations.length - room }
          : added;
      files[file] = entry;
      totals.stored += entry.violations.length;
      totals.more += entry.more ?? 0;
    }
    return { version: SESSION_SHARD_VERSION, ...this.key, limits: { ...this.limits }, files, rules: this.rules, totals };
  }

  private countsOf(ruleId: string): RuleCounts {
    return (this.rules[ruleId] ??= { checked: 0, passed: 0, failed: 0, violations: 0 });
  }
}

function compact(violation: Violation): CompactViolation {
  const fields: CompactFields = [
    violation.ruleId,
    violation.severity,
    violation.line,
    violation.column,
    violation.endLine,
    violation.endColumn,
    violation.message,
    violation.fingerprint,
    violation.messageId,
  ];
  if (violation.data !== undefined) return [...fields, violation.hint ?? null, violation.data];
  return violation.hint === undefined ? fields : [...fields, violation.hint];
}

function expand(file: string, [ruleId, severity, line, column, endLine, endColumn, message, fingerprint, messageId, hint, data]: CompactViolation): Violation {
  return {
    ruleId,
    severity,
    file,
    line,
    column,
    endLine,
    endColumn,
    message,
    fingerprint,
    ...(typeof hint === 'string' ? { hint } : {}),
    messageId,
    ...(data === undefined ? {} : { data }),
  };
}

/** A file's stored result, as a reuse gives it back. */
export interface StoredResult {
  violations: Violation[];
  dependencies?: Record<string, string>;
  coverage?: RuleCoverageCounts;
}

/**
 * The stored violations of files whose content is unchanged, when the shard was computed with the
 * same enforcer, config and context. A file whose list was cut, or that has notices, is checked
 * again; so is one whose rules read other files (`deps`) that now hold something else, as
 * `currentDigest` tells (without it, such files are always checked again).
 */
export function reusableViolations(
  shard: SessionShard | undefined,
  key: ShardKey,
  currentDigest?: (path: string) => string,
): (file: string, hash: string | undefined) => StoredResult | undefined {
  if (
    !shard ||
    shard.project !== key.project ||
    shard.enforcerVersion !== key.enforcerVersion ||
    shard.configHash !== key.configHash ||
    shard.contextHash !== key.contextHash
  ) {
    return () => undefined;
  }
  return (file, hash) => {
    const entry = Object.hasOwn(shard.files, file) ? shard.files[file] : undefined;
    if (hash === undefined || entry?.hash !== hash || entry.more || entry.notices || !Array.isArray(entry.violations)) return undefined;
    // A count record that is not one the engine wrote is not trusted: the file is analysed again.
    if (entry.cov !== undefined && !isCoverage(entry.cov)) return undefined;
    const violations = entry.violations.map((violation) => expand(file, violation));
    const coverage = entry.cov !== undefined ? { coverage: entry.cov } : {};
    if (entry.deps === undefined) return { violations, ...coverage };
    const unchanged = currentDigest !== undefined && Object.entries(entry.deps).every(([path, digest]) => currentDigest(path) === digest);
    return unchanged ? { violations, dependencies: entry.deps, ...coverage } : undefined;
  };
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
    // Compact: a shard is read by the enforcer, not by people, and stays about half the size.
    await writeJsonAtomic(this.path, shard, 0);
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
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'not a JSON object';
    const shard = data as Partial<SessionShard>;
    if (shard.version !== SESSION_SHARD_VERSION) return `unknown version ${JSON.stringify(shard.version)} (expected ${SESSION_SHARD_VERSION})`;
    if (shard.project !== this.project) return `belongs to project ${JSON.stringify(shard.project)}, not ${JSON.stringify(this.project)}`;
    if (!isRecord(shard.files)) return 'has no files map';
    const badFile = Object.entries(shard.files).find(
      ([, entry]) =>
        !isRecord(entry) ||
        !Array.isArray(entry.violations) ||
        !entry.violations.every(isCompactViolation) ||
        !(entry.deps === undefined || isDigestMap(entry.deps)),
    );
    if (badFile) return `has a malformed entry for ${badFile[0]}`;
    return undefined;
  }

  private async setAside(reason: string): Promise<ShardReadResult> {
    const setAsideTo = `${this.path}.corrupt`;
    await rename(this.path, setAsideTo).catch(() => undefined);
    return { corrupt: reason, setAsideTo };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isDigestMap(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((digest) => typeof digest === 'string');
}

function isCompactViolation(value: unknown): value is CompactViolation {
  return (
    Array.isArray(value) &&
    (value.length === 9 ||
      (value.length === 10 && typeof value[9] === 'string') ||
      (value.length === 11 &&
        (typeof value[9] === 'string' || value[9] === null) &&
        isRecord(value[10]) &&
        Object.values(value[10]).every((text) => typeof text === 'string'))) &&
    typeof value[0] === 'string' &&
    (value[1] === 'error' || value[1] === 'warn') &&
    [2, 3, 4, 5].every((index) => Number.isInteger(value[index])) &&
    typeof value[6] === 'string' &&
    typeof value[7] === 'string' &&
    typeof value[8] === 'string'
  );
}

/** A stored coverage record as written: counts per rule id (anything else is dropped, not trusted). */
function isCoverage(value: unknown): value is RuleCoverageCounts {
  return (
    isRecord(value) &&
    Object.values(value).every((counts) => Array.isArray(counts) && counts.length === 2 && counts.every((count) => Number.isInteger(count) && count >= 0))
  );
}
