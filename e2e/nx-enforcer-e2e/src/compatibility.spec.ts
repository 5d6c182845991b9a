import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

import { nodeBinDir, pinnedVersions } from '../../../tools/node-matrix/node-binaries.cjs';

import { e2eContext, registryEnv } from './support/e2e-context';
import { EXEC_PREFIX, installPackageManagers, type PackageManager } from './support/package-managers';
import { runCommandAsync, type RunResult } from './support/run';
import { progress, seconds } from './support/progress';

/**
 * The compatibility matrix: the published plugin in workspaces of each supported Nx major, with
 * npm, pnpm and yarn, on each Node line users run. Each cell is a workspace built by hand (Nx 24
 * has no create-nx-workspace or @nx/js on the registry; the same template for every cell keeps the
 * versions the only difference): `nx`, `@nx/devkit`, a package.json project named `@ws/lib-a` with
 * a planted violation, a project.json project `lib-b`. The pinned Nx 23 with create-nx-workspace is
 * the other spec's workspace.
 *
 * Cells run at once (jest `maxConcurrency`): most of a cell is waiting on installs.
 */
interface Cell {
  nx: string;
  /** @nx/devkit has no 24.0.6: the newest devkit of the same major. */
  devkit: string;
  packageManager: PackageManager;
  /** The Node release line the cell runs on. */
  node: string;
}

const CELLS: Cell[] = [
  { nx: '21.6.11', devkit: '21.6.11', packageManager: 'npm', node: '22' },
  { nx: '22.7.12', devkit: '22.7.12', packageManager: 'npm', node: '20' },
  // 23.0 and 23.1 are the releases the private-import crash hit.
  { nx: '23.0.2', devkit: '23.0.2', packageManager: 'npm', node: '20' },
  { nx: '23.3.2', devkit: '23.3.2', packageManager: 'npm', node: '24' },
  { nx: '24.0.6', devkit: '24.0.0', packageManager: 'npm', node: '26' },
  { nx: '24.0.6', devkit: '24.0.0', packageManager: 'pnpm', node: '20' },
  { nx: '24.0.6', devkit: '24.0.0', packageManager: 'yarn', node: '22' },
];

/** An Nx the plugin does not support, installed by force: it must refuse in one line. */
const UNSUPPORTED_NX = '20.8.2';

const cellName = (cell: Cell) => `Nx ${cell.nx}, ${cell.packageManager}, Node ${cell.node}`;
const cellId = (cell: Cell) => `nx${cell.nx}-${cell.packageManager}-node${cell.node}`;

/** Wall time of every step of every cell, printed at the end for the CI log. */
const timings = new Map<string, Array<[step: string, seconds: number]>>();

describe('compatibility matrix', () => {
  const { workspace: mainWorkspace, registry, version } = e2eContext();
  const matrixRoot = join(mainWorkspace, '..', 'compatibility');
  // Jest starts concurrent tests without waiting for beforeAll: each cell awaits this instead.
  let prepared: Promise<string> | undefined;
  const prepare = (): Promise<string> =>
    (prepared ??= (async () => {
      mkdirSync(matrixRoot, { recursive: true });
      // One at a time before any cell runs, so that cells never race on a download.
      for (const line of Object.keys(pinnedVersions())) nodeBinDir(line);
      return installPackageManagers(join(matrixRoot, 'package-managers'));
    })());

  afterAll(() => {
    const lines = [...timings].map(([cell, steps]) => {
      const total = steps.reduce((sum, [, seconds]) => sum + seconds, 0);
      return `  ${cell}: ${total.toFixed(0)}s (${steps.map(([step, seconds]) => `${step} ${seconds.toFixed(1)}s`).join(', ')})`;
    });
    console.log(`[compatibility] wall time of each cell\n${lines.join('\n')}`);
  });

  /** A hand-built workspace for `cell`, and the commands that drive it. */
  function workspaceFor(cell: Cell, shims: string) {
    const root = join(matrixRoot, cellId(cell));
    const binDir = nodeBinDir(cell.node);
    const env: Record<string, string | undefined> = {
      ...registryEnv(registry),
      PATH: [binDir, shims, process.env.PATH].filter((part) => part !== null && part !== undefined).join(delimiter),
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      NX_CACHE_DIRECTORY: join(root, '..', `${cellId(cell)}-nx-cache`),
      // Yarn berry makes every install immutable on CI; adding the plugin changes the lock file.
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      // Yarn's global metadata cache keeps tarball URLs of an earlier run's registry (another port).
      YARN_GLOBAL_FOLDER: join(matrixRoot, 'yarn-global'),
      // npm sets these for the outer `npm test`; they would point the workspace's npm at Node 20.
      npm_node_execpath: undefined,
      npm_execpath: undefined,
      NODE: undefined,
    };
    const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
      const start = Date.now();
      progress(`▶ ${cellName(cell)}: ${name}`);
      try {
        return await action();
      } finally {
        progress(`■ ${cellName(cell)}: ${name} (${seconds(start)})`);
        timings.set(cellName(cell), [...(timings.get(cellName(cell)) ?? []), [name, (Date.now() - start) / 1000]]);
      }
    };
    const run = (command: string, args: string[], allowFailure = false): Promise<RunResult> =>
      runCommandAsync(command, args, { cwd: root, env, allowFailure, timeoutMs: 15 * 60 * 1000 });
    const [execCommand, ...execArgs] = EXEC_PREFIX[cell.packageManager];
    const exec = (args: string[], allowFailure = false) => run(execCommand, [...execArgs, ...args], allowFailure);
    const nx = (args: string[], allowFailure = false) =>
      exec(['nx', ...args, ...(['run-many', 'affected', 'run'].includes(args[0]) ? ['--output-style=static'] : [])], allowFailure);
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const write = (path: string, content: string | object) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
    };
    const commit = async (message: string) => {
      await run('git', ['add', '--all']);
      await run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@nx-enforcer.invalid', 'commit', '--quiet', '--no-verify', '-m', message]);
    };
    const install = () => {
      if (cell.packageManager === 'npm') return run('npm', ['install', '--no-audit', '--no-fund']);
      if (cell.packageManager === 'pnpm') return run('pnpm', ['install', '--registry', registry]);
      return run('yarn', ['install']);
    };
    return { root, step, run, exec, nx, read, write, commit, install };
  }

  /** The files every cell starts from; the package manager adds its own workspace file. */
  function writeTemplate(ws: ReturnType<typeof workspaceFor>, cell: Cell): void {
    ws.write('package.json', {
      name: 'compat-workspace',
      version: '0.0.0',
      private: true,
      ...(cell.packageManager === 'pnpm' ? {} : { workspaces: ['packages/*'] }),
      devDependencies: { nx: cell.nx, '@nx/devkit': cell.devkit, typescript: '~6.0.3' },
    });
    ws.write('nx.json', { $schema: './node_modules/nx/schemas/nx-schema.json', defaultBase: 'main' });
    ws.write('.gitignore', 'node_modules\n.nx\n.yarn\ndist\n');
    ws.write('packages/lib-a/package.json', { name: '@ws/lib-a', version: '0.0.1', main: 'src/index.ts' });
    ws.write('packages/lib-a/src/index.ts', "export function libA(): string {\n  console.log('computing');\n  return 'lib-a';\n}\n");
    ws.write('libs/lib-b/project.json', { name: 'lib-b', $schema: '../../node_modules/nx/schemas/project-schema.json', sourceRoot: 'libs/lib-b/src' });
    ws.write('libs/lib-b/src/index.ts', "export const libB = 'lib-b';\n");
    if (cell.packageManager === 'pnpm') {
      ws.write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n");
      // pnpm reads no global npmrc; on CI it would also refuse to update the lock file that `nx add` changes.
      ws.write('.npmrc', `registry=${registry}\nfrozen-lockfile=false\n`);
    }
    if (cell.packageManager === 'yarn') {
      const host = new URL(registry).hostname;
      ws.write(
        '.yarnrc.yml',
        `nodeLinker: node-modules\nnpmRegistryServer: "${registry}"\nunsafeHttpWhitelist:\n  - "${host}"\nenableTelemetry: false\nnpmMinimalAgeGate: 0\n`,
      );
      ws.write('yarn.lock', '');
    }
  }

  test.concurrent.each(CELLS.map((cell) => [cellName(cell), cell] as const))('%s: install, nx add, infer, enforce, cache, affected', async (_name, cell) => {
    const ws = workspaceFor(cell, await prepare());
    const exec = EXEC_PREFIX[cell.packageManager].join(' ');
    writeTemplate(ws, cell);
    await ws.run('git', ['init', '--quiet', '--initial-branch=main']);
    await ws.commit('workspace');

    // The Node the cell claims is the one its commands run on.
    expect((await ws.run('node', ['--version'])).stdout.trim()).toBe(
      `v${cell.node === process.versions.node.split('.')[0] ? process.versions.node : pinnedVersions()[cell.node]}`,
    );
    await ws.step('install', () => ws.install());
    const added = await ws.step('nx add', () => ws.nx(['add', `nx-enforcer@${version}`]));
    expect(added.output).not.toMatch(/Failed to process project graph|is not a function/);

    // What `nx add` set up at the root: plugin, config whose $schema resolves, the engine with its CLI.
    expect(JSON.parse(ws.read('nx.json')).plugins).toContainEqual({ plugin: 'nx-enforcer', options: { targetName: 'enforce' } });
    const rootPackage = JSON.parse(ws.read('package.json'));
    // The package manager writes its own range for what `nx add` installed; init adds the engine.
    expect(rootPackage.devDependencies).toMatchObject({
      'nx-enforcer': expect.stringContaining(version),
      '@nx-enforcer/core': version,
      '@nx/devkit': cell.devkit,
    });
    const schema = JSON.parse(ws.read('enforcer.config.json')).$schema as string;
    expect(existsSync(resolve(ws.root, schema))).toBe(true);
    expect((await ws.step('enforcer --version', () => ws.exec(['enforcer', '--version']))).stdout).toContain(version);

    // Both kinds of project get the inferred target; the short name works as in `nx show project`.
    const libA = JSON.parse((await ws.step('nx show project', () => ws.nx(['show', 'project', '@ws/lib-a', '--json']))).stdout);
    expect(libA.targets.enforce).toMatchObject({
      executor: 'nx-enforcer:enforce',
      cache: true,
      outputs: ['{workspaceRoot}/.nx-enforcer/projects/packages%2Flib-a', '{projectRoot}/enforcer.baseline.json'],
    });
    expect(JSON.parse((await ws.nx(['show', 'project', 'lib-b', '--json'])).stdout).targets).toHaveProperty('enforce');
    await ws.step('g configuration (short name)', () => ws.nx(['g', 'nx-enforcer:configuration', 'lib-a', '--no-interactive']));
    expect(existsSync(join(ws.root, 'packages/lib-a/enforcer.config.json'))).toBe(true);

    // A generated workspace rule type-checks against the engine installed at the root.
    await ws.step('g rule + tsc', async () => {
      await ws.nx(['g', 'nx-enforcer:rule', 'no-eval', '--no-interactive']);
      await ws.exec([
        'tsc',
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        'tools/enforcer-rules/no-eval.ts',
      ]);
    });

    const config = JSON.parse(ws.read('enforcer.config.json'));
    ws.write('enforcer.config.json', { ...config, rules: { ...config.rules, 'logging/no-console': 'error' } });
    await ws.commit('nx-enforcer');

    const blocked = await ws.step('run-many (blocked)', () => ws.nx(['run-many', '-t', 'enforce'], true));
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toMatch(/^packages\/lib-a\/src\/index\.ts\n\s+2:3\s+error\s.*logging\/no-console$/m);
    const agentReport = JSON.parse(ws.read('.nx-enforcer/summary/agent-report.json'));
    // The re-check names the blocking project: `nx affected` on a committed violation checks nothing.
    expect(agentReport).toMatchObject({
      status: 'BLOCKED',
      blocking: 1,
      recheckCommand: expect.stringMatching(new RegExp(`^${exec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} nx run-many -t enforce -p \\S*lib-a$`)),
    });
    expect(ws.read('.nx-enforcer/summary/BLOCK.md')).toContain(agentReport.recheckCommand);

    ws.write('packages/lib-a/src/index.ts', "export function libA(): string {\n  return 'lib-a';\n}\n");
    await ws.commit('fix the violation');
    const clean = await ws.step('run-many (clean)', () => ws.nx(['run-many', '-t', 'enforce']));
    expect(clean.output).toMatch(/Successfully ran target enforce for 2 projects/);
    const cached = await ws.step('run-many (cached)', () => ws.nx(['run-many', '-t', 'enforce']));
    expect(cached.output.match(/\[local cache\]|\[existing outputs match the cache, left as is\]/g)).toHaveLength(2);

    ws.write('libs/lib-b/src/index.ts', "export const libB = 'lib-b, changed';\n");
    const affected = await ws.step('affected', () => ws.nx(['affected', '-t', 'enforce', '--base=HEAD']));
    expect(affected.output).toMatch(/nx run lib-b:enforce/);
    expect(affected.output).not.toMatch(/nx run @ws\/lib-a:enforce/);
  });

  test.concurrent(`Nx ${UNSUPPORTED_NX} (unsupported), npm: refused in one line naming the versions`, async () => {
    const cell: Cell = { nx: UNSUPPORTED_NX, devkit: UNSUPPORTED_NX, packageManager: 'npm', node: '20' };
    const ws = workspaceFor(cell, await prepare());
    writeTemplate(ws, cell);
    await ws.step('install', () => ws.install());
    // npm itself refuses it (peer range); only --legacy-peer-deps gets the plugin in.
    const refused = await ws.step('npm install (refused)', () => ws.run('npm', ['install', '-D', `nx-enforcer@${version}`, '--no-audit', '--no-fund'], true));
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/ERESOLVE|peer nx@">=21\.0\.0 <25\.0\.0"/);
    await ws.step('npm install --legacy-peer-deps', () =>
      ws.run('npm', ['install', '-D', `nx-enforcer@${version}`, '--legacy-peer-deps', '--no-audit', '--no-fund']),
    );
    ws.write('nx.json', { ...JSON.parse(ws.read('nx.json')), plugins: ['nx-enforcer'] });

    const graph = await ws.step('nx show projects', () => ws.nx(['show', 'projects'], true));
    expect(graph.code).not.toBe(0);
    expect(graph.output).toContain(`nx-enforcer supports Nx 21 to 24 (peer range ">=21.0.0 <25.0.0"); this workspace has nx ${UNSUPPORTED_NX}.`);
    // The line, not a stack trace from inside Nx's project graph.
    expect(graph.output).not.toMatch(/^\s+at .*nx-enforcer/m);
  });
});
