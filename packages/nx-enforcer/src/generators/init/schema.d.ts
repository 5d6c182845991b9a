// Mirrors schema.json; generators.spec.ts checks that the two agree.
export interface InitGeneratorSchema {
  skipFormat?: boolean;
  skipPackageJson?: boolean;
}
