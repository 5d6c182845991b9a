import type { CreateNodes, CreateNodesResultArray } from '@nx/devkit';
import { builtinRules, loadConfig } from '@nx-enforcer/core';
import {
  CODE_EXTENSIONS,
  ENFORCE_TARGET,
  execPrefixOf,
  findProjectRoots,
  fixTargetNameOf,
  isDefaultIgnored,
  LANGUAGE_FILES,
  textFileGlobsOf,
  watchTargetNameOf,
} from '@nx-enforcer/core/internal';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assertSupportedNx } from '../nx-version';
import { buildEnforceFixTarget, buildEnforceTarget, buildEnforceWatchTarget, type EnforceTargetOptions } from './enforce-target';
import { enforcerInputs } from './enforcer-inputs';

export interface EnforcerPluginOptions {
  /** Name of the inferred target. Default `enforce`; the uncached fix target beside it is `<name>-fix`. */
  targetName?: string;
}

// Config files are in the pattern so that editing one re-runs inference (its inputs depend on it).
const PROJECT_FILES = ['project.json', 'package.json', 'enforcer.config.json'];

/**
 * Extensions of the sources that make a project checkable: TypeScript and JavaScript, and the other
 * languages some rules check (Python).
 */
const SOURCE_EXTENSIONS = [
  ...CODE_EXTENSIONS,
  ...Object.values(LANGUAGE_FILES)
    .flat()
    .map((glob) => /^\*\*\/\*(\.\w+)$/.exec(glob)?.[1])
    .filter((extension): extension is string => extension !== undefined),
];

/**
 * Project files and sources in one glob: Nx matches it against its own file index (which honours
 * .gitignore and .nxignore) and hands the plugin the list, so no private Nx API is needed to find
 * which projects hold code. One level of braces: nested ones are not understood by every Nx.
 */
export const CREATE_NODES_GLOB = `**/{${[...PROJECT_FILES, ...[...new Set(SOURCE_EXTENSIONS)].map((extension) => `*${extension}`)].join(',')}}`;

/**
 * Infers a cached `enforce` target, and the uncached `enforce-fix` beside it, on every project that
 * has TypeScript, JavaScript (or Python) files.
 */
export const createNodes: CreateNodes<EnforcerPluginOptions> = [
  CREATE_NODES_GLOB,
  async (matchedFiles, options, context): Promise<CreateNodesResultArray> => {
    assertSupportedNx(context.workspaceRoot);
    const targetName = options?.targetName ?? ENFORCE_TARGET;
    const configFiles = matchedFiles.filter((file) => PROJECT_FILES.includes(basename(file)));
    const roots = findProjectRoots(configFiles, context.workspaceRoot);
    if (roots.size === 0) return [];
    const rootsWithCode = projectsWithSources(matchedFiles, new Set(roots.keys()));
    const inputs = enforcerInputs(context.workspaceRoot);
    const exec = execPrefixOf(context.workspaceRoot);
    const results: CreateNodesResultArray = [];
    for (const [root, configFile] of [...roots].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!rootsWithCode.has(root)) continue;
      const projectName = projectNameIn(context.workspaceRoot, configFile);
      const help = projectName === undefined ? undefined : { projectName, targetName };
      const target = buildEnforceTarget({ projectRoot: root, enforcerInputs: inputs, exec, help, ...(await configuredInputs(context.workspaceRoot, root)) });
      const targets = {
        [targetName]: target,
        [fixTargetNameOf(targetName)]: buildEnforceFixTarget(exec, help),
        [watchTargetNameOf(targetName)]: buildEnforceWatchTarget(exec, help),
      };
      results.push([configFile, { projects: { [root]: { targets } } }]);
    }
    return results;
  },
];

/** The `name` of the project.json or package.json that defines the project, when it has one. */
function projectNameIn(workspaceRoot: string, configFile: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(join(workspaceRoot, configFile), 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the project's configuration adds to the inputs: the text files its rules scan, and the
 * workspace rules' sources. A broken config must not break the project graph (the enforce task
 * reports it), so it counts as "every text file any built-in rule can scan".
 */
async function configuredInputs(
  workspaceRoot: string,
  projectRoot: string,
): Promise<Pick<EnforceTargetOptions, 'textFileGlobs' | 'ruleSourceGlobs' | 'dependencyInputs'>> {
  try {
    const config = await loadConfig({ workspaceRoot, projectRoot, rules: builtinRules });
    const ruleSourceGlobs = config.rulesDirectory ? [`${config.rulesDirectory}/**/*`] : [];
    if (config.mayBeOn('architecture/project-boundaries')) {
      // Import resolution reads the path aliases, and the verdict depends on the imported projects'
      // tags, which Nx does not hash by itself (checked). Every project's, not only those of the
      // graph's dependencies (`^`): the rule resolves imports itself, also those Nx's graph has no
      // edge for (analyzeSourceFiles off, an nx-ignore comment, a file type Nx does not read).
      ruleSourceGlobs.push('tsconfig.base.json', 'tsconfig.json', '**/project.json', '**/package.json');
    }
    // Files rules read by configuration (a Prisma schema, say) or always (the root tsconfig's path
    // aliases) decide results like code does.
    ruleSourceGlobs.push(...config.optionFiles());
    for (const rule of config.rules) if (rule.meta.reads && config.mayBeOn(rule.id)) ruleSourceGlobs.push(...rule.meta.reads);
    const textFileGlobs = config.textFileGlobs();
    // Project rules look at the whole file list: any file added or removed may change a verdict.
    if (config.rules.some((rule) => rule.meta.scope === 'project' && config.mayBeOn(rule.id))) textFileGlobs.push('**/*');
    const dependencyInputs = config.rules.some((rule) => rule.meta.readsDependencies === true && config.mayBeOn(rule.id));
    return { textFileGlobs, ruleSourceGlobs: [...new Set(ruleSourceGlobs)], ...(dependencyInputs ? { dependencyInputs } : {}) };
  } catch {
    return { textFileGlobs: textFileGlobsOf(builtinRules), ruleSourceGlobs: [] };
  }
}

/**
 * The project roots that own at least one checkable source among the matched files, ownership as in
 * Nx's file map: a file belongs to the deepest project root above it, so a parent folder whose only
 * code sits in nested projects gets no target.
 */
function projectsWithSources(matchedFiles: readonly string[], roots: ReadonlySet<string>): Set<string> {
  const owners = new Set<string>();
  for (const file of matchedFiles) {
    if (PROJECT_FILES.includes(basename(file)) || isDefaultIgnored(file)) continue;
    let folder = file;
    for (;;) {
      const slash = folder.lastIndexOf('/');
      folder = slash === -1 ? '.' : folder.slice(0, slash);
      if (roots.has(folder)) {
        owners.add(folder);
        break;
      }
      if (folder === '.') break;
    }
    if (owners.size === roots.size) break;
  }
  return owners;
}
