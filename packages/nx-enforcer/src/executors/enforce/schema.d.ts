// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface EnforceExecutorOptions {
  /** `name` prints to the terminal; `name:file` writes the file inside the task's output folder. */
  format?: string[] | string;
  maxWarnings?: number;
  reportUnusedSuppressions?: boolean;
  updateBaseline?: boolean;
  profile?: boolean;
  /** Apply the rules' fixes to the sources; only on a target with `cache: false` (the inferred `enforce-fix`). */
  fix?: boolean;
  /** With `fix`: `safe` fixes only, or `suggestion`s too. */
  fixType?: 'safe' | 'suggestion' | 'dangerous';
  /** Check again after every burst of file changes, until stopped; the inferred `enforce-watch` target sets it. */
  watch?: boolean;
  /** With `watch`: milliseconds without a change before a burst is checked. */
  watchDebounce?: number;
}
