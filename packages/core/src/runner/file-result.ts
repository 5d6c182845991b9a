import type { Notice, RuleCoverageCounts, Violation } from '../engine/types';

/** A file to check: a posix path relative to the workspace root, with its content hash if known. */
export interface SourceFileRef {
  path: string;
  hash?: string;
}

export interface FileResult {
  file: string;
  hash?: string;
  violations: Violation[];
  notices: Notice[];
  /** Ids of the rules that applied to the file (none when it could not be read). */
  rules: string[];
  /** Taken from the previous run's session shard instead of analysed again. */
  reused?: boolean;
  /** Other files rules read to check this one, with digests of their content (see `context.readFile`). */
  dependencies?: Record<string, string>;
  /** What rules examined and could not verify in the file (see `meta.coverage`). */
  coverage?: RuleCoverageCounts;
}
