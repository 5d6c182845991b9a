// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface EnforceExecutorOptions {
  /** `name` prints to the terminal; `name:file` writes the file inside the task's output folder. */
  format?: string[] | string;
  maxWarnings?: number;
  reportUnusedSuppressions?: boolean;
  updateBaseline?: boolean;
  profile?: boolean;
}
