import { builtinRules, textFileGlobsOf } from '@nx-enforcer/core';
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
    // An explicit target cannot follow config edits: it lists every text file any rule can scan.
    const target = buildEnforceTarget({
      projectRoot: project.root,
      enforcerInputs: [{ externalDependencies: ['nx-enforcer', '@nx-enforcer/core'] }],
      textFileGlobs: textFileGlobsOf(builtinRules),
    });
    updateProjectConfiguration(tree, options.project, { ...project, targets: { ...project.targets, enforce: target } });
  }
  if (!options.skipFormat) await formatFiles(tree);
}

export default configurationGenerator;
