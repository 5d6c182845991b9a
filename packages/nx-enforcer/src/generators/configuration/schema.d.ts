// Mirrors schema.json; generators.spec.ts checks that the two agree.
export interface ConfigurationGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
