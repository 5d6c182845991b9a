import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { EnforcerInput } from './enforce-target';

const PUBLISHED_PACKAGES = ['nx-enforcer', '@nx-enforcer/core'];

/**
 * How the enforcer's own code enters the cache key. Installed from a registry, its version in the
 * lock file does (`externalDependencies`). Loaded from sources inside the workspace (this
 * repository), there is no external node to name, so its source folders are inputs instead.
 */
export function enforcerInputs(workspaceRoot: string): EnforcerInput[] {
  const pluginRoot = resolve(__dirname, '../..');
  const coreRoot = dirname(require.resolve('@nx-enforcer/core/package.json'));
  const local = [pluginRoot, coreRoot].map((root) => relative(workspaceRoot, root));
  const fromSource = local.every((path) => path !== '' && !isAbsolute(path) && !path.startsWith('..') && !path.split(sep).includes('node_modules'));
  if (!fromSource) return [{ externalDependencies: [...PUBLISHED_PACKAGES] }];
  return local.map((path) => `{workspaceRoot}/${path.split(sep).join('/')}/src/**/*.ts`);
}
