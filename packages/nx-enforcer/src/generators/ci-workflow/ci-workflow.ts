import { logger, readNxJson, type Tree } from '@nx/devkit';
import { ENFORCE_TARGET, execPrefixFrom, type ExecPrefix } from '@nx-enforcer/core/internal';
import { GENERATED_MARKER, githubWorkflow, gitlabPipeline, type PackageManager, type PipelineOptions } from './pipelines';
import type { CiWorkflowGeneratorSchema } from './schema';

/**
 * Writes a CI pipeline that gates on `nx affected -t enforce` and reports complete results.
 * Idempotent: a file it wrote is rewritten (so running it again after an upgrade updates it); a
 * GitLab `.gitlab-ci.yml` the team wrote is never touched: the job goes to its own file, to include.
 */
export async function ciWorkflowGenerator(tree: Tree, schema: CiWorkflowGeneratorSchema): Promise<void> {
  const options = pipelineOptionsOf(tree, schema);
  if (schema.ci === 'github') {
    writeOwnFile(tree, `.github/workflows/${options.name}.yml`, githubWorkflow(options));
    return;
  }
  const text = gitlabPipeline(options);
  const root = '.gitlab-ci.yml';
  const existing = tree.exists(root) ? (tree.read(root, 'utf-8') ?? '') : undefined;
  if (existing === undefined || existing.startsWith(GENERATED_MARKER)) {
    writeOwnFile(tree, root, text);
    return;
  }
  const own = `.gitlab/${options.name}.gitlab-ci.yml`;
  writeOwnFile(tree, own, text);
  if (!existing.includes(own)) logger.warn(`${root} is your own file, so it was left as it is. Include the job from it:\n\ninclude:\n  - local: ${own}\n`);
}

export default ciWorkflowGenerator;

function writeOwnFile(tree: Tree, path: string, text: string): void {
  const existing = tree.exists(path) ? tree.read(path, 'utf-8') : undefined;
  if (existing !== undefined && existing !== null && !existing.startsWith(GENERATED_MARKER)) {
    throw new Error(`${path} exists and was not written by this generator: move it away, or pass --name to write another file.`);
  }
  if (existing !== text) tree.write(path, text);
}

function pipelineOptionsOf(tree: Tree, schema: CiWorkflowGeneratorSchema): PipelineOptions {
  const nxJson = readNxJson(tree);
  return {
    name: schema.name ?? 'enforce',
    target: targetNameOf(nxJson?.plugins),
    packageManager: packageManagerOf(tree),
    defaultBranch: nxJson?.defaultBase ?? 'main',
    node: tree.exists('.nvmrc') ? { file: '.nvmrc' } : tree.exists('.node-version') ? { file: '.node-version' } : { version: '22' },
  };
}

/** The target name the plugin was registered with (`nx add` picks another when `enforce` is taken). */
function targetNameOf(plugins: unknown[] | undefined): string {
  for (const plugin of plugins ?? []) {
    if (typeof plugin === 'object' && plugin !== null && (plugin as { plugin?: unknown }).plugin === 'nx-enforcer') {
      const name = (plugin as { options?: { targetName?: unknown } }).options?.targetName;
      if (typeof name === 'string' && name !== '') return name;
    }
  }
  return ENFORCE_TARGET;
}

const PACKAGE_MANAGER_OF: Record<ExecPrefix, PackageManager> = { npx: 'npm', 'pnpm exec': 'pnpm', yarn: 'yarn', bunx: 'bun' };

/** From the lock file, as the summary's commands are (in the order Nx's `detectPackageManager` looks). */
function packageManagerOf(tree: Tree): PackageManager {
  return PACKAGE_MANAGER_OF[execPrefixFrom((file) => tree.exists(file))];
}
