import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** The package manager versions the matrix installs, pinned so a release of theirs cannot move a cell. */
export const PACKAGE_MANAGER_PACKAGES = ['pnpm@10.34.8', '@yarnpkg/cli-dist@4.18.1'];

/** How each package manager runs a workspace binary (what BLOCK.md must print too). */
export const EXEC_PREFIX: Record<PackageManager, string[]> = { npm: ['npx'], pnpm: ['pnpm', 'exec'], yarn: ['yarn'] };

/**
 * Installs pnpm and yarn (berry) into `folder` from the registry and returns a folder of `pnpm` and
 * `yarn` launchers to put first on PATH: the machines have only npm, and Nx calls the workspace's
 * package manager by name. The launchers run with whatever `node` is first on PATH.
 */
export function installPackageManagers(folder: string): string {
  const shims = join(folder, 'shims');
  if (existsSync(join(shims, 'yarn'))) return shims;
  mkdirSync(folder, { recursive: true });
  runCommand('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', '--no-save', ...PACKAGE_MANAGER_PACKAGES], { cwd: folder });
  mkdirSync(shims, { recursive: true });
  const launchers: Record<string, string> = {
    pnpm: join(folder, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs'),
    yarn: join(folder, 'node_modules', '@yarnpkg', 'cli-dist', 'bin', 'yarn.js'),
  };
  for (const [name, script] of Object.entries(launchers)) {
    if (!existsSync(script)) throw new Error(`${name} was installed without ${script}`);
    writeFileSync(join(shims, name), `#!/bin/sh\nexec node "${script}" "$@"\n`);
    chmodSync(join(shims, name), 0o755);
  }
  return shims;
}
