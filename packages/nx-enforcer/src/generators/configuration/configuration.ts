import { formatFiles, readNxJson, readProjectConfiguration, updateProjectConfiguration, type Tree } from '@nx/devkit';
import { buildEnforceTarget } from '../../plugin/enforce-target';
import { isPluginRegistered, writeConfigIfMissing } from '../enforcer-config-file';
import type { ConfigurationGeneratorSchema } from './schema';

/**
 * Gives a project its own `enforcer.config.json`. Where the plugin is not registered (inference
 * off), also adds an explicit `enforce` target with the inputs and outputs inference would give.
 */
export async function configurationGenerator(tree: Tree, options: ConfigurationGeneratorSchema): Promise<void> {
  const project = readProjectConfiguration(tree, options.project);
  writeConfigIfMissing(tree, project.root);
  if (!isPluginRegistered(readNxJson(tree)?.plugins) && !project.targets?.enforce) {
    const target = buildEnforceTarget(project.root, [{ externalDependencies: ['nx-enforcer', '@nx-enforcer/core'] }]);
    updateProjectConfiguration(tree, options.project, { ...project, targets: { ...project.targets, enforce: target } });
  }
  if (!options.skipFormat) await formatFiles(tree);
}

export default configurationGenerator;
