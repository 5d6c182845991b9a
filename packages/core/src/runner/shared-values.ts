import type { FileResult } from './file-result';

/**
 * One instance of each equal string or record a run keeps until its report and shard are written.
 * Rules format a message and hint afresh for every violation, and most files of a project have the
 * same coverage counts and read the same package.json files; kept once each instead of once per
 * file, 50,000 files' results take a fraction of the memory. Bounded: past `limit` distinct values
 * of a kind, new ones are kept as they come.
 */
export class SharedValues {
  private readonly strings = new Map<string, string>();
  private readonly records = new Map<string, Record<string, unknown>>();

  constructor(private readonly limit = 20_000) {}

  string(value: string): string {
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    if (this.strings.size < this.limit) this.strings.set(value, value);
    return value;
  }

  /** Records are equal when they serialise alike; the run never changes one once it is shared. */
  record<T extends Record<string, unknown>>(value: T): T {
    const key = JSON.stringify(value);
    const shared = this.records.get(key);
    if (shared !== undefined) return shared as T;
    if (this.records.size < this.limit) this.records.set(key, value);
    return value;
  }

  /** Shares the result's messages, hints, coverage and dependencies, in place: the run owns its results. */
  shareIn(result: FileResult): FileResult {
    for (const violation of result.violations) {
      violation.message = this.string(violation.message);
      if (violation.hint !== undefined) violation.hint = this.string(violation.hint);
    }
    if (result.coverage) result.coverage = this.record(result.coverage);
    if (result.dependencies) result.dependencies = this.record(result.dependencies);
    return result;
  }
}
