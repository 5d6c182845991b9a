import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** How a workspace runs a binary of its own dependencies: `npx nx …`, `pnpm exec nx …`, `yarn nx …`. */
export type ExecPrefix = 'npx' | 'pnpm exec' | 'yarn' | 'bunx';

/** Lock files in the order Nx's `detectPackageManager` tries them. */
const LOCK_FILES: ReadonlyArray<readonly [string, ExecPrefix]> = [
  ['bun.lockb', 'bunx'],
  ['bun.lock', 'bunx'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm exec'],
];

/**
 * The prefix of the commands written into BLOCK.md and agent-report.json, from the workspace's lock
 * file: a pnpm workspace has no `npx enforcer` that finds its binaries the way `pnpm exec` does.
 * Without a lock file, npm.
 */
export function execPrefixOf(workspaceRoot: string): ExecPrefix {
  return execPrefixFrom((file) => existsSync(join(workspaceRoot, file)));
}

/** The same, asking `exists` about each lock file (a generator's virtual tree: `tree.exists`). */
export function execPrefixFrom(exists: (lockFile: string) => boolean): ExecPrefix {
  return LOCK_FILES.find(([file]) => exists(file))?.[1] ?? 'npx';
}
