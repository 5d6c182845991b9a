// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface InitGeneratorSchema {
  skipFormat?: boolean;
  skipPackageJson?: boolean;
  checkFilesOutsideProjects?: boolean;
}
