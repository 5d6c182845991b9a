import type { RuleCategory } from '@nx-enforcer/core';

// Mirrors schema.json; manifests.spec.ts checks that the two agree, rule.spec.ts that its
// categories are the engine's.
export interface RuleGeneratorSchema {
  name: string;
  directory?: string;
  scope?: string;
  category?: Exclude<RuleCategory, 'pattern'>;
  skipFormat?: boolean;
}
