// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface EnforceExecutorOptions {
  format?: 'stylish' | 'json';
  maxWarnings?: number;
  reportUnusedSuppressions?: boolean;
  updateBaseline?: boolean;
}
