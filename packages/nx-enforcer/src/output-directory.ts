import { OUTPUT_FOLDER, PROJECTS_FOLDER, projectFolderName, SUMMARY_FOLDER } from '@nx-enforcer/core/internal';

/** Workspace-relative folder of the merged summary. */
export const SUMMARY_DIRECTORY = `${OUTPUT_FOLDER}/${SUMMARY_FOLDER}`;

/**
 * A project's output folder: `.nx-enforcer/projects/<root with / as %2F>` (`libs/api` →
 * `.nx-enforcer/projects/libs%2Fapi`; the workspace-root project: `%2E`). Flat, so a cached
 * output folder never contains a nested project's folder or the summary.
 */
export function outputDirectoryOf(projectRoot: string): string {
  return `${OUTPUT_FOLDER}/${PROJECTS_FOLDER}/${projectFolderName(projectRoot)}`;
}
