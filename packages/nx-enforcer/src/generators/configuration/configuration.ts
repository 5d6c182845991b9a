import { builtinRules } from '@nx-enforcer/core';
import { ENFORCE_TARGET, execPrefixOf, fixTargetNameOf, textFileGlobsOf, watchTargetNameOf } from '@nx-enforcer/core/internal';
import { createProjectGraphAsync, formatFiles, getProjects, readNxJson, updateProjectConfiguration, type Tree } from '@nx/devkit';
import { buildEnforceFixTarget, buildEnforceTarget, buildEnforceWatchTarget } from '../../plugin/enforce-target';
import { isPluginRegistered, writeConfigIfMissing } from '../enforcer-config-file';
import { resolveProject, type ProjectRef } from '../resolve-project';
import type { ConfigurationGeneratorSchema } from './schema';

/**
 * Gives a project its own `enforcer.config.json`. Where the plugin is not registered (inference
 * off), also adds explicit `enforce`, `enforce-fix` and `enforce-watch` targets as inference would
 * give them.
 */
export async function configurationGenerator(tree: Tree, options: ConfigurationGeneratorSchema): Promise<void> {
  const { name, root } = await findProject(tree, options.project);
  const inferred = isPluginRegistered(readNxJson(tree)?.plugins);
  const project = getProjects(tree).get(name);
  if (!inferred && project === undefined) {
    throw new Error(
      `Project "${name}" is defined by plugins only, so there is no file to add an enforce target to, and nx-enforcer is not ` +
        `registered in nx.json: run \`nx g nx-enforcer:init\` to infer the target.`,
    );
  }
  writeConfigIfMissing(tree, root);
  if (!inferred && project !== undefined && !project.targets?.[ENFORCE_TARGET]) {
    // An explicit target cannot follow config edits: it lists every text file any rule can scan.
    const exec = execPrefixOf(tree.root);
    const target = buildEnforceTarget({
      projectRoot: project.root,
      enforcerInputs: [{ externalDependencies: ['nx-enforcer', '@nx-enforcer/core'] }],
      textFileGlobs: textFileGlobsOf(builtinRules),
      exec,
    });
    const targets = {
      ...project.targets,
      [ENFORCE_TARGET]: target,
      [fixTargetNameOf(ENFORCE_TARGET)]: buildEnforceFixTarget(exec),
      [watchTargetNameOf(ENFORCE_TARGET)]: buildEnforceWatchTarget(exec),
    };
    updateProjectConfiguration(tree, name, { ...project, targets });
  }
  if (!options.skipFormat) await formatFiles(tree);
}

export default configurationGenerator;

/**
 * The project by any name `nx show project` accepts. Projects with a configuration file in the tree
 * come first; the project graph adds the ones only plugins define (read only when needed: building
 * it runs every plugin).
 */
async function findProject(tree: Tree, requested: string): Promise<ProjectRef> {
  const inTree = [...getProjects(tree)].map(([name, project]) => ({ name, root: project.root }));
  try {
    return resolveProject(requested, inTree);
  } catch (error) {
    const graph = await createProjectGraphAsync({ exitOnError: false }).catch(() => undefined);
    if (graph === undefined) throw error;
    const inGraph = Object.values(graph.nodes).map((node) => ({ name: node.name, root: node.data.root }));
    const known = new Set(inTree.map((project) => project.name));
    return resolveProject(requested, [...inTree, ...inGraph.filter((project) => !known.has(project.name))]);
  }
}
