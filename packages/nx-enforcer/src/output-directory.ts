import { joinPathFragments } from '@nx/devkit';

/** Workspace-relative folder under which every project's `enforce` output lives. */
export const ENFORCER_OUTPUT_ROOT = '.nx-enforcer';

/**
 * A project's output folder: `.nx-enforcer/<projectRoot>`. A project at the workspace root gets
 * `.nx-enforcer/.root`, so its cached output never contains the other projects' folders.
 */
export function outputDirectoryOf(projectRoot: string): string {
  const root = projectRoot.replace(/\\/g, '/').replace(/^\.(\/|$)/, '').replace(/\/+$/, '');
  return joinPathFragments(ENFORCER_OUTPUT_ROOT, root === '' ? '.root' : root);
}
