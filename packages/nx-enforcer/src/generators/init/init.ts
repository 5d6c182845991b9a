import {
  addDependenciesToPackageJson,
  createProjectGraphAsync,
  formatFiles,
  readJson,
  readNxJson,
  runTasksInSerial,
  updateNxJson,
  type GeneratorCallback,
  type ProjectGraph,
  type Tree,
} from '@nx/devkit';
import { ENFORCE_TARGET, OUTPUT_FOLDER } from '@nx-enforcer/core/internal';
import { assertSupportedNx, installedVersion } from '../../nx-version';
import { isPluginRegistered, writeConfigIfMissing } from '../enforcer-config-file';
import type { InitGeneratorSchema } from './schema';

/** Preferred target names, in order; the first that no project already uses is taken. */
export const TARGET_NAME_CANDIDATES = [ENFORCE_TARGET, 'enforcer', 'nx-enforce'];

/** Registers the plugin, writes the root config and ignores the output folder. Idempotent. */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema): Promise<GeneratorCallback> {
  assertSupportedNx(tree.root);
  await registerPlugin(tree);
  writeConfigIfMissing(tree, '.');
  ignoreOutputFolder(tree);
  if (options.checkFilesOutsideProjects) await addRootProject(tree);
  const tasks: GeneratorCallback[] = [];
  if (!options.skipPackageJson && tree.exists('package.json')) tasks.push(addDevDependencies(tree));
  if (!options.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...tasks);
}

export default initGenerator;

async function registerPlugin(tree: Tree): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  if (isPluginRegistered(nxJson.plugins)) return;
  const targetName = chooseTargetName(await readGraph());
  nxJson.plugins = [...(nxJson.plugins ?? []), { plugin: 'nx-enforcer', options: { targetName } }];
  updateNxJson(tree, nxJson);
}

/** Before the plugin is registered every existing target is someone else's: avoid their names. */
export function chooseTargetName(graph: ProjectGraph): string {
  const taken = new Set(Object.values(graph.nodes).flatMap((node) => Object.keys(node.data.targets ?? {})));
  const free = TARGET_NAME_CANDIDATES.find((name) => !taken.has(name));
  if (free) return free;
  let suffix = 2;
  while (taken.has(`enforce-${suffix}`)) suffix++;
  return `enforce-${suffix}`;
}

async function readGraph(): Promise<ProjectGraph> {
  try {
    return await createProjectGraphAsync({ exitOnError: false });
  } catch {
    // A workspace whose graph cannot be built yet still gets the plugin with the default name.
    return { nodes: {}, dependencies: {} };
  }
}

/** The name of the root project `checkFilesOutsideProjects` adds, or the first free `-<n>` variant. */
export const ROOT_PROJECT_NAME = 'workspace-root';

/**
 * Files in no project are checked by no target. A root `project.json` makes them one project (Nx
 * gives each file to the deepest project root that holds it), and the plugin infers its targets
 * like any other's. An existing root project.json is left as it is: the root is a project already.
 */
async function addRootProject(tree: Tree): Promise<void> {
  if (tree.exists('project.json')) return;
  const taken = new Set(Object.keys((await readGraph()).nodes));
  let name = ROOT_PROJECT_NAME;
  for (let suffix = 2; taken.has(name); suffix++) name = `${ROOT_PROJECT_NAME}-${suffix}`;
  tree.write('project.json', `${JSON.stringify({ name, $schema: 'node_modules/nx/schemas/project-schema.json', targets: {} }, null, 2)}\n`);
}

function ignoreOutputFolder(tree: Tree): void {
  const current = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const ignored = current.split(/\r?\n/).some((line) => [OUTPUT_FOLDER, `/${OUTPUT_FOLDER}`, `${OUTPUT_FOLDER}/`, `/${OUTPUT_FOLDER}/`].includes(line.trim()));
  if (ignored) return;
  const block = `# nx-enforcer reports and session state\n${OUTPUT_FOLDER}\n`;
  if (current.trim() === '') {
    tree.write('.gitignore', block);
    return;
  }
  tree.write('.gitignore', `${current}${current.endsWith('\n') ? '' : '\n'}\n${block}`);
}

/**
 * What the workspace root needs, beside the plugin: the engine (the `enforcer` binary, the config
 * `$schema`, the types workspace rules import), which pnpm and yarn do not expose at the root as a
 * dependency of a dependency; and @nx/devkit at the workspace's own nx version where the root does
 * not list one, so that later installs keep picking a devkit that fits that nx.
 */
export function rootDevDependencies(tree: Tree, versions: { enforcer: string; nx?: string }): Record<string, string> {
  const packageJson = readJson<{ dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>(tree, 'package.json');
  const listed = (name: string) => packageJson.dependencies?.[name] !== undefined || packageJson.devDependencies?.[name] !== undefined;
  const wanted: Record<string, string> = { 'nx-enforcer': versions.enforcer, '@nx-enforcer/core': versions.enforcer };
  if (versions.nx !== undefined && !listed('@nx/devkit')) wanted['@nx/devkit'] = versions.nx;
  return wanted;
}

function addDevDependencies(tree: Tree): GeneratorCallback {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('../../../package.json') as { version: string };
  return addDependenciesToPackageJson(tree, {}, rootDevDependencies(tree, { enforcer: version, nx: installedVersion('nx', [tree.root]) }), undefined, true);
}
