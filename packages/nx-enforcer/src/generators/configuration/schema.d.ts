// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface ConfigurationGeneratorSchema {
  project: string;
  skipFormat?: boolean;
}
