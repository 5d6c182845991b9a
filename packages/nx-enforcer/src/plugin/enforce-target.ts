import type { TargetConfiguration } from '@nx/devkit';
import { BASELINE_FILE, CODE_EXTENSIONS, CONFIG_FILE_NAME } from '@nx-enforcer/core';
import { outputDirectoryOf } from '../output-directory';

export type EnforcerInput = string | { externalDependencies: string[] };

export interface EnforceTargetOptions {
  projectRoot: string;
  /** How the enforcer's own code enters the cache key (see `enforcerInputs`). */
  enforcerInputs: readonly EnforcerInput[];
  /** Workspace-relative globs of the non-code files the configured rules scan (`**\/…`: anywhere). */
  textFileGlobs?: readonly string[];
  /** Workspace-relative globs of the workspace rules' sources: editing a rule invalidates results. */
  ruleSourceGlobs?: readonly string[];
  /** `^namedInput` entries: files of the project's dependencies that decide the result. */
  dependencyInputs?: readonly string[];
}

/**
 * The inferred `enforce` target. Inputs are exactly what decides the result: the project's code
 * files and the text files the configured rules scan, the config files that govern it, and the
 * enforcer itself. `^` inputs only for architecture/project-boundaries (the imported projects'
 * tags): per-file rules do not depend on other projects, so a change elsewhere never invalidates
 * this project.
 */
export function buildEnforceTarget(options: EnforceTargetOptions): TargetConfiguration {
  const { projectRoot } = options;
  const extensions = CODE_EXTENSIONS.map((extension) => extension.slice(1)).join(',');
  // `**/…` globs mean "anywhere", so within the project; others are workspace-relative paths.
  const textInputs = (options.textFileGlobs ?? []).map((glob) => (glob.startsWith('**/') ? `{projectRoot}/${glob}` : `{workspaceRoot}/${glob}`));
  const fileInputs = [`{projectRoot}/**/*.{${extensions}}`, ...textInputs];
  const configInputs = [`{workspaceRoot}/${CONFIG_FILE_NAME}`];
  if (projectRoot !== '.') configInputs.push(`{projectRoot}/${CONFIG_FILE_NAME}`);
  const baseline = `{projectRoot}/${BASELINE_FILE}`;
  return {
    executor: 'nx-enforcer:enforce',
    cache: true,
    inputs: [
      ...fileInputs,
      ...configInputs,
      baseline,
      ...(options.ruleSourceGlobs ?? []).map((glob) => `{workspaceRoot}/${glob}`),
      ...(options.dependencyInputs ?? []),
      ...options.enforcerInputs,
    ],
    // The baseline is also an output: `--update-baseline` writes it, and a cache hit of such a run
    // must restore what it wrote (for other runs the restored file equals the input, hashed above).
    outputs: [`{workspaceRoot}/${outputDirectoryOf(projectRoot)}`, baseline],
    options: {},
    metadata: {
      technologies: ['typescript'],
      description: 'Check the project against the workspace code policies (nx-enforcer)',
      help: {
        command: 'npx enforcer --help',
        example: { options: { format: 'json' } },
      },
    },
  };
}
