// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface RuleGeneratorSchema {
  name: string;
  directory?: string;
  scope?: string;
  category?: 'architecture' | 'dates' | 'errors' | 'logging' | 'security' | 'typescript';
  skipFormat?: boolean;
}
