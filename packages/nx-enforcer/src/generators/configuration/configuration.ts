import { builtinRules, textFileGlobsOf } from '@nx-enforcer/core';
import { formatFiles, readNxJson, readProjectConfiguration, updateProjectConfiguration, type Tree } from '@nx/devkit';
import { buildEnforceFixTarget, buildEnforceTarget, buildEnforceWatchTarget } from '../../plugin/enforce-target';
import { isPluginRegistered, writeConfigIfMissing } from '../enforcer-config-file';
import type { ConfigurationGeneratorSchema } from './schema';

/**
 * Gives a project its own `enforcer.config.json`. Where the plugin is not registered (inference
 * off), also adds explicit `enforce`, `enforce-fix` and `enforce-watch` targets as inference would
 * give them.
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
    const targets = { ...project.targets, enforce: target, 'enforce-fix': buildEnforceFixTarget(), 'enforce-watch': buildEnforceWatchTarget() };
    updateProjectConfiguration(tree, options.project, { ...project, targets });
  }
  if (!options.skipFormat) await formatFiles(tree);
}

export default configurationGenerator;
