import type { TargetConfiguration } from '@nx/devkit';
import { BASELINE_FILE, CONFIG_FILE_NAME } from '@nx-enforcer/core';
import {
  CODE_EXTENSIONS,
  fixTargetNameOf,
  isWorkspaceRoot,
  LICENSE_FILES,
  PROGRAM_MANIFESTS,
  shellWord,
  watchTargetNameOf,
  type ExecPrefix,
} from '@nx-enforcer/core/internal';
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
  /** How the workspace runs its own binaries (`npx`, `pnpm exec`, `yarn`), for the help command. */
  exec?: ExecPrefix;
  /** The target's help: the command that lists the options it takes (see `targetHelpCommand`). */
  help?: TargetHelp;
  /** A rule that may be on reads the projects this one depends on (`meta.readsDependencies`): their files are inputs too. */
  dependencyInputs?: boolean;
}

/**
 * The inferred `enforce` target. Inputs are exactly what decides the result: the project's code
 * files and the text files the configured rules scan, the config files that govern it, and the
 * enforcer itself. `^` inputs only where a rule that may be on reads the dependencies' code (a DTO
 * in a shared library): other rules do not depend on other projects, so a change elsewhere never
 * invalidates this project (architecture/project-boundaries, which reads every project's tags,
 * names their files among the rule source globs).
 */
export function buildEnforceTarget(options: EnforceTargetOptions): TargetConfiguration {
  const { projectRoot } = options;
  const extensions = CODE_EXTENSIONS.map((extension) => extension.slice(1)).join(',');
  // `**/…` globs mean "anywhere", so within the project; others are workspace-relative paths.
  const textInputs = (options.textFileGlobs ?? []).map((glob) => (glob.startsWith('**/') ? `{projectRoot}/${glob}` : `{workspaceRoot}/${glob}`));
  // Files that decide a file's role: the manifests that declare programs (where printing is the
  // point) and the licence files that mark a folder as a copied library (vendored).
  const fileInputs = [`{projectRoot}/**/*.{${extensions}}`, `{projectRoot}/**/{${[...PROGRAM_MANIFESTS, ...LICENSE_FILES].join(',')}}`, ...textInputs];
  const configInputs = [`{workspaceRoot}/${CONFIG_FILE_NAME}`];
  if (!isWorkspaceRoot(projectRoot)) configInputs.push(`{projectRoot}/${CONFIG_FILE_NAME}`);
  const baseline = `{projectRoot}/${BASELINE_FILE}`;
  return {
    executor: 'nx-enforcer:enforce',
    cache: true,
    inputs: [
      ...fileInputs,
      ...configInputs,
      baseline,
      ...(options.ruleSourceGlobs ?? []).map((glob) => `{workspaceRoot}/${glob}`),
      // Nx's implicit `default` named input (every file of the project), of each dependency.
      ...(options.dependencyInputs ? ['^default'] : []),
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
        command: targetHelpCommand(options.help, options.exec),
        example: { options: { format: 'json' } },
      },
    },
  };
}

/** Which target a help command describes. */
export interface TargetHelp {
  projectName: string;
  targetName: string;
}

/**
 * `nx run <project>:<target> --help`: Nx prints the options the target takes (`fixType`,
 * `maxWarnings`), as `nx show project` shows them, not the CLI's flags (`--fix-type`). Without a
 * project name known at inference (a nameless project.json), the CLI's help is the nearest thing.
 */
function targetHelpCommand(help: TargetHelp | undefined, exec: ExecPrefix = 'npx'): string {
  if (!help) return `${exec} enforcer --help`;
  return `${exec} nx run ${shellWord(`${help.projectName}:${help.targetName}`)} --help`;
}

/**
 * The inferred `enforce-fix` target: the same executor with `fix: true`. Never cached: its product is
 * the edited sources, which a cache hit would not produce (a replay would report "fixed" and change
 * nothing). It declares no outputs and writes none: the `enforce` target's output folder stays that
 * target's, and since the fixed sources are its inputs, its next run checks them afresh.
 */
export function buildEnforceFixTarget(exec: ExecPrefix = 'npx', help?: TargetHelp): TargetConfiguration {
  return uncachedVariant({
    options: { fix: true },
    description: 'Apply the safe fixes of the code policies to the project sources, then report what remains (nx-enforcer; never cached)',
    help: help && { ...help, targetName: fixTargetNameOf(help.targetName) },
    example: { fixType: 'suggestion' },
    exec,
  });
}

/**
 * The inferred `enforce-watch` target: the same executor with `watch: true`, marked continuous (it
 * runs until stopped, so Nx neither waits for it nor caches it). It writes the `enforce` outputs as
 * it goes, atomically, so stopping it leaves a valid shard.
 */
export function buildEnforceWatchTarget(exec: ExecPrefix = 'npx', help?: TargetHelp): TargetConfiguration {
  return {
    ...uncachedVariant({
      options: { watch: true },
      description: 'Check the project again after every burst of file changes (nx-enforcer; continuous, never cached)',
      help: help && { ...help, targetName: watchTargetNameOf(help.targetName) },
      example: { watchDebounce: 500 },
      exec,
    }),
    continuous: true,
  };
}

/** The `enforce` executor with one mode switched on, uncached, with its help and an example. */
function uncachedVariant(variant: {
  options: Record<string, unknown>;
  description: string;
  help?: TargetHelp;
  example: Record<string, unknown>;
  exec: ExecPrefix;
}): TargetConfiguration {
  return {
    executor: 'nx-enforcer:enforce',
    cache: false,
    options: variant.options,
    metadata: {
      technologies: ['typescript'],
      description: variant.description,
      help: { command: targetHelpCommand(variant.help, variant.exec), example: { options: variant.example } },
    },
  };
}
