import { offsetFromRoot, type Tree } from '@nx/devkit';
import { CONFIG_FILE_NAME } from '@nx-enforcer/core';
import { isWorkspaceRoot, joinProjectPath, normalizeRoot } from '@nx-enforcer/core/internal';

const SCHEMA_IN_NODE_MODULES = 'node_modules/@nx-enforcer/core/schema/enforcer.schema.json';

/** Path of the config file in `folder` (`.` or `''` for the workspace root). */
export function configPathIn(folder: string): string {
  return joinProjectPath(normalizeRoot(folder), CONFIG_FILE_NAME);
}

/** Writes a config with `$schema` (so editors complete rule ids and options) unless one exists. */
export function writeConfigIfMissing(tree: Tree, folder: string): boolean {
  const path = configPathIn(folder);
  if (tree.exists(path)) return false;
  const offset = isWorkspaceRoot(folder) ? './' : offsetFromRoot(folder);
  tree.write(path, `${JSON.stringify({ $schema: `${offset}${SCHEMA_IN_NODE_MODULES}`, rules: {} }, null, 2)}\n`);
  return true;
}

/** `nx-enforcer`, or a path to the plugin's entry (a workspace that loads it from sources). */
const PLUGIN_REFERENCE = /^nx-enforcer$|(^|\/)nx-enforcer(\/(src|dist)\/index(\.[cm]?[jt]s)?)?$/;

/** Whether nx.json registers the plugin, i.e. `enforce` targets are inferred. */
export function isPluginRegistered(plugins: ReadonlyArray<string | { plugin: string }> | undefined): boolean {
  return (plugins ?? []).some((entry) => PLUGIN_REFERENCE.test(typeof entry === 'string' ? entry : entry.plugin));
}
