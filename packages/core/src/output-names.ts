/**
 * The names of what the enforcer writes and of the targets that write it. The CLI, the Nx plugin
 * and the summary all read and write these files, and the summary prints commands that name the
 * targets: one definition, so renaming one cannot leave a reader looking for the old name.
 */

/** The output folder, relative to the workspace root: `enforcer report`'s default, the plugin's outputs. */
export const OUTPUT_FOLDER = '.nx-enforcer';

/** Under the output folder: one folder per project (named by `projectFolderName`). */
export const PROJECTS_FOLDER = 'projects';
/** Under the output folder: the summary merged from every project's report. */
export const SUMMARY_FOLDER = 'summary';

/** In a project's folder: its run report. */
export const REPORT_FILE = 'report.json';
/** In a project's folder: the same report as SARIF. */
export const SARIF_FILE = 'report.sarif';
/** In a project's folder: the per-project result cache. */
export const SESSION_SHARD_FILE = 'session.json';

/** In the summary folder: the verdict and each project's counts, always written. */
export const STATUS_FILE = 'STATUS.md';
/** In the summary folder: what blocks and what to do, present only while something blocks. */
export const BLOCK_FILE = 'BLOCK.md';
/** In the summary folder: every new violation, warnings included. */
export const VIOLATIONS_FILE = 'VIOLATIONS.md';
/** In the summary folder: every project's violations as one SARIF log. */
export const WORKSPACE_SARIF_FILE = 'workspace.sarif';
/** In the summary folder: the blocking violations with hints and commands, for tools and agents. */
export const AGENT_REPORT_FILE = 'agent-report.json';

/** The check target's name when the plugin is not given another. */
export const ENFORCE_TARGET = 'enforce';

const FIX_SUFFIX = '-fix';
const WATCH_SUFFIX = '-watch';

/** The fix target beside a check target (`enforce` → `enforce-fix`). */
export function fixTargetNameOf(targetName: string): string {
  return `${targetName}${FIX_SUFFIX}`;
}

/** The watch target beside a check target (`enforce` → `enforce-watch`). */
export function watchTargetNameOf(targetName: string): string {
  return `${targetName}${WATCH_SUFFIX}`;
}

/** Whether `targetName` is a fix target by its name. */
export function isFixTargetName(targetName: string): boolean {
  return targetName.endsWith(FIX_SUFFIX);
}

/** The check target beside a fix target (`enforce-fix` → `enforce`); ENFORCE_TARGET for any other name. */
export function enforceTargetOfFix(fixTarget: string): string {
  return isFixTargetName(fixTarget) ? fixTarget.slice(0, -FIX_SUFFIX.length) : ENFORCE_TARGET;
}
