// Mirrors schema.json; manifests.spec.ts checks that the two agree.
export interface CiWorkflowGeneratorSchema {
  ci: 'github' | 'gitlab';
  name?: string;
}
