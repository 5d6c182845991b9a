// Mirrors schema.json; schema.spec.ts checks that the two agree.
export interface EnforceExecutorOptions {
  format?: 'stylish' | 'json';
  maxWarnings?: number;
  reportUnusedSuppressions?: boolean;
}
