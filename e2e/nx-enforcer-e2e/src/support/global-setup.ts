/**
 * Jest global setup: one local registry, one publish of the built packages, and ONE e2e workspace
 * shared by all specs (creating a workspace takes about a minute, too long to repeat per spec).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { publishPackages, startLocalRegistry } from '../../../../tools/local-registry/index.cjs';
import { E2E_ENV, registryEnv } from './e2e-context';
import { rememberResources, releaseResources, type E2eResources } from './global-teardown';
import { runCommand, runNx } from './run';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
/** In dependency order: nx-enforcer depends on @nx-enforcer/core. */
const PACKAGE_DIRS = ['packages/core', 'packages/nx-enforcer'];
/** Pinned to the Nx version this repository builds against. */
const CREATE_NX_WORKSPACE = 'create-nx-workspace@23.2.1';
const WORKSPACE_NAME = 'e2e-workspace';
/** The e2e workspace is a throw-away git repository; these make commits work on any machine. */
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'nx-enforcer e2e',
  GIT_AUTHOR_EMAIL: 'e2e@nx-enforcer.invalid',
  GIT_COMMITTER_NAME: 'nx-enforcer e2e',
  GIT_COMMITTER_EMAIL: 'e2e@nx-enforcer.invalid',
};

export default async function globalSetup(): Promise<void> {
  const setupStart = Date.now();
  const tmpRoot = mkdtempSync(join(tmpdir(), 'nx-enforcer-e2e-'));
  const resources: E2eResources = { tmpRoot };
  rememberResources(resources);
  // Unique per run; the registry storage is fresh each run, so this only keeps runs apart in logs and npm's cache.
  const version = `0.0.0-e2e.${Date.now().toString(36)}`;

  try {
    resources.registry = await timed('start local registry', () => startLocalRegistry({ storage: join(tmpRoot, 'registry') }));
    const registry = resources.registry.url;

    await timed(`publish ${version}`, () =>
      publishPackages({
        registryUrl: registry,
        version,
        packages: PACKAGE_DIRS.map((dir) => join(REPO_ROOT, dir)),
        workDir: join(tmpRoot, 'publish'),
      }),
    );
    // E2E_SKIP_MAIN_WORKSPACE=1: for running only the compatibility matrix while working on it.
    const workspace =
      process.env.E2E_SKIP_MAIN_WORKSPACE === '1' ? join(tmpRoot, WORKSPACE_NAME) : await timed('create-nx-workspace', () => createWorkspace(tmpRoot));
    if (process.env.E2E_SKIP_MAIN_WORKSPACE !== '1') {
      await timed('nx add nx-enforcer', () => runNx(['add', `nx-enforcer@${version}`], { cwd: workspace, env: registryEnv(registry) }));
      commitAll(workspace, 'chore: add nx-enforcer');
    }

    process.env[E2E_ENV.workspace] = workspace;
    process.env[E2E_ENV.registry] = registry;
    process.env[E2E_ENV.version] = version;
    console.log(`\ne2e workspace ready in ${seconds(setupStart)}: ${workspace}`);
  } catch (error) {
    // Jest does not run global teardown when global setup fails.
    await releaseResources();
    throw error;
  }
}

/**
 * A workspace like a new user's: the TypeScript preset with npm workspaces, without optional tools.
 * It installs from the default registry (nx-enforcer is added afterwards), so nothing here waits
 * on the local registry's proxy.
 */
function createWorkspace(parentDir: string): string {
  runCommand(
    'npx',
    [
      '--yes',
      CREATE_NX_WORKSPACE,
      WORKSPACE_NAME,
      '--preset=ts',
      '--packageManager=npm',
      '--nxCloud=skip',
      '--no-interactive',
      '--aiAgents=none',
      '--analytics=false',
      '--formatter=none',
      '--linter=none',
      '--unitTestRunner=none',
      `--commit.name=${GIT_IDENTITY.GIT_AUTHOR_NAME}`,
      `--commit.email=${GIT_IDENTITY.GIT_AUTHOR_EMAIL}`,
    ],
    { cwd: parentDir, env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  const workspace = join(parentDir, WORKSPACE_NAME);
  // create-nx-workspace skips git when it cannot use it; specs rely on a clean, committed tree.
  if (!existsSync(join(workspace, '.git'))) {
    runCommand('git', ['init', '--quiet', '--initial-branch=main'], { cwd: workspace });
    commitAll(workspace, 'Initial commit');
  }
  return workspace;
}

function commitAll(workspace: string, message: string): void {
  runCommand('git', ['add', '--all'], { cwd: workspace });
  runCommand('git', ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], {
    cwd: workspace,
    env: GIT_IDENTITY,
  });
}

/** Runs one setup step and logs how long it took, so slow steps show up in CI logs. */
async function timed<T>(step: string, action: () => T | Promise<T>): Promise<T> {
  const start = Date.now();
  const result = await action();
  console.log(`[e2e setup] ${step}: ${seconds(start)}`);
  return result;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}
