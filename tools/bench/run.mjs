#!/usr/bin/env node
// @ts-check
/**
 * The benchmark: generates synthetic Nx workspaces and measures, on the same files, the enforcer
 * (per-project tasks and --batch), ESLint with typescript-eslint (through `nx run-many -t lint` and
 * as one process) and oxlint, plus cached and affected reruns and the memory of single large
 * projects. Prints a Markdown table and writes it to tools/bench/results/<sizes>.md.
 *
 *   npm ci && node tools/bench/run.mjs [--sizes small,medium,single-1k,single-10k]
 *
 * Wall times are of whole commands, peak RSS is sampled over the whole process tree (see
 * measure.mjs). The violation counts of the shared rules must agree, or the comparison is void.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace, SEEDS, SIZES } from './generate-workspace.mjs';
import { measure } from './measure.mjs';
import { benchRealCode } from './real-code.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    real: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'cached-only': { type: 'boolean', default: false },
  },
});
// --real <folder>: also (or, without --sizes, only) the real repository snapshots in that folder.
const realFolder = values.real === undefined ? undefined : resolve(values.real);
// --cached-only: just the cached-rerun rows (the floor comparisons), without the cold runs and peers.
const cachedOnly = values['cached-only'] === true;
const sizes = /** @type {Array<keyof typeof SIZES>} */ (values.sizes ?? (realFolder ? '' : 'small,medium,single-1k,single-10k,single-50k'))
  .split(',')
  .filter(Boolean);
for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size}; sizes: ${Object.keys(SIZES).join(', ')}`);

const log = (text) => process.stderr.write(`${text}\n`);
const seconds = (ms) => (ms / 1000).toFixed(1);

log('building the enforcer packages');
execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=@nx-enforcer/core,nx-enforcer', '--output-style=static'], { cwd: REPO, stdio: 'ignore' });
const { builtinRules } = require(join(REPO, 'packages/core/dist/index.js'));

/** @type {string[]} */
const report = [];
const machine = `${process.platform} ${process.arch}, ${require('node:os').cpus().length} cores, Node ${process.version}`;
const commandFlags = `${sizes.length > 0 ? ` --sizes ${sizes.join(',')}` : ''}${realFolder ? ' --real <folder>' : ''}${cachedOnly ? ' --cached-only' : ''}`;
report.push(`Machine: ${machine}. Command: \`node tools/bench/run.mjs${commandFlags}\`.`, '');

for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), `enforcer-bench-${size}-`));
  try {
    log(`\n== ${size}: generating in ${root}`);
    const { files, expected } = generateWorkspace(root, size);
    prepare(root);
    const env = { CI: 'true', NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true', NX_CACHE_DIRECTORY: join(root, '.nx', 'bench-cache') };
    const run = async (label, command, args, extraEnv = {}) => {
      log(`-- ${label}: ${command} ${args.join(' ')}`);
      const result = await measure(command, args, { cwd: root, env: /** @type {Record<string,string>} */ ({ ...env, ...extraEnv }) });
      log(`   ${seconds(result.wallMs)} s, tree ${result.peakTreeRssMb} MB, largest process ${result.peakProcessRssMb} MB (exit ${result.code})`);
      return result;
    };
    // A cached rerun takes a few seconds and varies by about a second from run to run on 2 cores:
    // each is measured three times and the median run kept.
    const median = async (label, command, args, extraEnv = {}) => {
      const results = [];
      for (let attempt = 1; attempt <= 3; attempt++) results.push(await run(`${label} (${attempt}/3)`, command, args, extraEnv));
      return results.sort((a, b) => a.wallMs - b.wallMs)[1];
    };
    const clearOutputs = () => rmSync(join(root, '.nx-enforcer'), { recursive: true, force: true });
    const isSingle = size.startsWith('single');
    const isTiny = SIZES[size].peers === false;
    const rows = [];
    if (!isSingle) {
      const peers = cachedOnly || isTiny ? undefined : await comparePeers(run, clearOutputs, root);
      // Nx's own cost of a task that is not cached: a no-op executor per project, forked like ours.
      // With no file to parse, or every file reused from the shard, enforce's task should cost
      // little more than this.
      const uncachedFloor = cachedOnly
        ? undefined
        : await run("Nx's floor, uncached: no-op executor", 'npx', ['nx', 'run-many', '-t', 'noop', '--output-style=static']);
      const tinyCold =
        isTiny && !cachedOnly
          ? await run('enforce, first run', 'npx', ['nx', 'run-many', '-t', 'enforce', '--skip-nx-cache', '--output-style=static'])
          : undefined;
      const warm = cachedOnly
        ? undefined
        : await run('enforce, every file reused from its shard', 'npx', ['nx', 'run-many', '-t', 'enforce', '--skip-nx-cache', '--output-style=static']);
      const reruns = isTiny
        ? undefined
        : await (async () => {
            // Cached reruns: prime both targets, then measure a run where every task is a cache hit.
            await run('prime enforce cache', 'npx', ['nx', 'run-many', '-t', 'enforce', '--output-style=static']);
            const cached = await median('enforce, all cached', 'npx', ['nx', 'run-many', '-t', 'enforce', '--output-style=static']);
            await run('prime floor cache', 'npx', ['nx', 'run-many', '-t', 'floor', '--output-style=static']);
            const floor = await median('floor (cached no-op target)', 'npx', ['nx', 'run-many', '-t', 'floor', '--output-style=static']);
            await run('prime floor-outputs cache', 'npx', ['nx', 'run-many', '-t', 'floor-outputs', '--output-style=static']);
            const floorOutputs = await median('floor with the same inputs and outputs', 'npx', [
              'nx',
              'run-many',
              '-t',
              'floor-outputs',
              '--output-style=static',
            ]);
            // With the daemon (off in CI), Nx knows which outputs on disk already match and skips restoring them.
            const daemonEnv = { NX_DAEMON: 'true' };
            await run('start the daemon, prime', 'npx', ['nx', 'run-many', '-t', 'enforce', '--output-style=static'], daemonEnv);
            const cachedDaemon = await median('enforce, all cached, daemon', 'npx', ['nx', 'run-many', '-t', 'enforce', '--output-style=static'], daemonEnv);
            await run('floor, daemon, prime', 'npx', ['nx', 'run-many', '-t', 'floor', '--output-style=static'], daemonEnv);
            const floorDaemon = await median('floor, all cached, daemon', 'npx', ['nx', 'run-many', '-t', 'floor', '--output-style=static'], daemonEnv);
            execFileSync('npx', ['nx', 'daemon', '--stop'], { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
            const touched = touchOneFile(root);
            const affected = await run('affected after one change', 'npx', ['nx', 'affected', '-t', 'enforce', '--base=HEAD', '--output-style=static']);
            restore(touched);
            return { cached, floor, floorOutputs, cachedDaemon, floorDaemon, affected };
          })();

      if (peers) {
        const { cold, batch, lintNx, eslint, oxlint } = peers;
        rows.push(
          ['enforce: `nx run-many -t enforce`', cold, `${ratio(cold, lintNx)} of ESLint via Nx; ${ratio(cold, oxlint)} of oxlint`],
          ['enforce: `nx run-many -t enforce --batch`', batch, `${ratio(batch, lintNx)} of ESLint via Nx; ${ratio(batch, oxlint)} of oxlint`],
          ['ESLint 10 + typescript-eslint: `nx run-many -t lint`', lintNx, ''],
          ['ESLint 10 + typescript-eslint: one `eslint` process', eslint, ''],
          ['oxlint 1.94: one process', oxlint, ''],
        );
      }
      if (reruns) {
        const { cached, floor, floorOutputs, cachedDaemon, floorDaemon, affected } = reruns;
        rows.push(
          ['enforce, every task cached', cached, `${ratio(cached, floor)} of Nx's floor`],
          ["Nx's floor: cached no-op target, same task count", floor, ''],
          [
            "Nx's floor with enforce's inputs and outputs: cached no-op hashing the same inputs, restoring the same bytes",
            floorOutputs,
            `${ratio(floorOutputs, floor)} of Nx's floor; enforce cached is ${ratio(cached, floorOutputs)} of this`,
          ],
          ['enforce, every task cached, Nx daemon on', cachedDaemon, `${ratio(cachedDaemon, floorDaemon)} of Nx's floor with the daemon`],
          ["Nx's floor, Nx daemon on", floorDaemon, ''],
        );
        if (peers) rows.push(['enforce: `nx affected` after one changed file', affected, `${ratio(affected, peers.cold)} of cold`]);
      }
      if (uncachedFloor && warm) {
        if (tinyCold)
          rows.push([
            'enforce, first run (parses each file): `nx run-many -t enforce --skip-nx-cache`',
            tinyCold,
            `${ratio(tinyCold, uncachedFloor)} of Nx's uncached floor`,
          ]);
        rows.push(
          [
            'enforce, not cached, every file reused from its shard: `nx run-many -t enforce --skip-nx-cache` after a run',
            warm,
            `${ratio(warm, uncachedFloor)} of Nx's uncached floor`,
          ],
          [
            "Nx's floor, uncached: a no-op executor per project, same task count",
            uncachedFloor,
            peers
              ? `ESLint via Nx is ${ratio(peers.lintNx, uncachedFloor)} of this: no per-task tool can be more than that much faster than ESLint via Nx`
              : '',
          ],
        );
      }
      report.push(`### ${size}: ${SIZES[size].projects} projects x ${SIZES[size].files} files (${files} files)`, '');
      report.push(table(rows), '');
      if (peers) report.push(countsTable(expected, peers.counts), '');
    } else {
      clearOutputs();
      // One task alone may start worker threads (ENFORCER_WORKERS): in one thread, with a worker on
      // every other core, and as by default (none on 2 cores), for the ratio and what a worker costs.
      const coldRun = (label, extraEnv = {}) =>
        run(label, 'npx', ['nx', 'run', 'p000:enforce', '--skip-nx-cache', '--profile', '--output-style=static'], extraEnv);
      const oneThread = await coldRun('enforce cold, one thread', { ENFORCER_WORKERS: '0' });
      clearOutputs();
      const cores = availableParallelism();
      const allCores = await coldRun('enforce cold, all cores', { ENFORCER_WORKERS: String(cores - 1) });
      clearOutputs();
      const cold = await coldRun('enforce cold');
      const touched = touchOneFile(root);
      const oneChanged = await run('enforce after one change', 'npx', ['nx', 'run', 'p000:enforce', '--skip-nx-cache', '--profile', '--output-style=static']);
      restore(touched);
      // The task's own figures, from its --profile line: Nx's start-up is the same in both runs.
      const profileOf = (result) => {
        const match = /(\d+) files? analysed, (\d+) reused, ([\d.]+) ms; peak RSS ([\d.]+) MB/.exec(result.stdout + result.stderr);
        return match ? { analysed: match[1], reused: match[2], ms: Number(match[3]), rss: match[4] } : undefined;
      };
      const coldProfile = profileOf(cold);
      const changedProfile = profileOf(oneChanged);
      const changedShare = coldProfile && changedProfile ? ((changedProfile.ms / coldProfile.ms) * 100).toFixed(1) : '';
      const taskShare =
        coldProfile && changedProfile
          ? `; the task's own analysis ${Math.round(changedProfile.ms)} ms vs ${Math.round(coldProfile.ms)} ms cold (${changedShare}%)`
          : '';
      const oneThreadProfile = profileOf(oneThread);
      const allCoresProfile = profileOf(allCores);
      const workersOf = (result) => /(\d+) worker threads? checked (\d+)/.exec(result.stdout + result.stderr);
      const workers = workersOf(cold);
      const allCoresWorkers = workersOf(allCores);
      const oneThreadMs = oneThreadProfile ? Math.round(oneThreadProfile.ms) : '?';
      const allCoresStarted = allCoresWorkers ? `${allCoresWorkers[1]} started, which checked ${allCoresWorkers[2]} files` : 'no worker started: too few files';
      const allCoresExtraMb = allCoresProfile && oneThreadProfile ? (Number(allCoresProfile.rss) - Number(oneThreadProfile.rss)).toFixed(0) : '';
      const allCoresAdd = allCoresWorkers && allCoresProfile && oneThreadProfile ? ` (the workers add ${allCoresExtraMb} MB)` : '';
      const allCoresMs = allCoresProfile ? Math.round(allCoresProfile.ms) : '?';
      const coldExtraMb = coldProfile && oneThreadProfile ? (Number(coldProfile.rss) - Number(oneThreadProfile.rss)).toFixed(0) : '';
      const coldAdd = workers && coldProfile && oneThreadProfile ? ` (the workers add ${coldExtraMb} MB)` : '';
      const coldMs = coldProfile ? Math.round(coldProfile.ms) : '?';
      rows.push(
        [
          'enforce cold, one thread: `ENFORCER_WORKERS=0 nx run p000:enforce`',
          oneThread,
          `task process peak RSS ${oneThreadProfile?.rss ?? '?'} MB (its own --profile); analysis ${oneThreadMs} ms`,
        ],
        [
          `enforce cold, all ${cores} cores: \`ENFORCER_WORKERS=${cores - 1} nx run p000:enforce\` (${allCoresStarted})`,
          allCores,
          `${ratio(allCores, oneThread)} of one thread; task process peak RSS ${allCoresProfile?.rss ?? '?'} MB${allCoresAdd}; analysis ${allCoresMs} ms`,
        ],
        [
          `enforce cold, worker threads as by default (${workers ? `${workers[1]}, which checked ${workers[2]} files` : 'none started'})` +
            `: \`nx run p000:enforce\``,
          cold,
          `${ratio(cold, oneThread)} of one thread; task process peak RSS ${coldProfile?.rss ?? '?'} MB${coldAdd}; analysis ${coldMs} ms`,
        ],
        [
          'enforce after one changed file',
          oneChanged,
          `${changedProfile ? `${changedProfile.analysed} analysed, ${changedProfile.reused} reused; ` : ''}${ratio(oneChanged, cold)} of cold${taskShare}`,
        ],
      );
      report.push(`### ${size}: 1 project x ${SIZES[size].files} files (${files} files)`, '');
      report.push(table(rows), '');
      report.push(countsTable(expected, { enforce: countEnforcer(root) }), '');
    }
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}

if (realFolder) {
  const node24 = (() => {
    try {
      return join(require('../node-matrix/node-binaries.cjs').nodeBinDir('24'), 'node');
    } catch (error) {
      log(`no Node 24 (${/** @type {Error} */ (error).message}): the real-code rows are for ${process.version} only`);
      return undefined;
    }
  })();
  const runReal = async (label, command, args, extra = {}) => {
    log(`-- ${label}: ${command} ${args.join(' ')}`);
    const result = await measure(command, args, { cwd: extra.cwd ?? REPO, env: { CI: 'true', ...extra.env } });
    log(`   ${seconds(result.wallMs)} s, largest process ${result.peakProcessRssMb} MB (exit ${result.code})`);
    return result;
  };
  report.push(`Real code: every subfolder of the --real folder, one process per tool.`, '');
  report.push(...(await benchRealCode({ folder: realFolder, repo: REPO, rules: builtinRules, run: runReal, node24 })));
}

const text = report.join('\n');
process.stdout.write(`${text}\n`);
const outputDir = join(REPO, 'tools', 'bench', 'results');
mkdirSync(outputDir, { recursive: true });
writeFileSync(join(outputDir, `${[...sizes, ...(realFolder ? ['real'] : [])].join('+')}.md`), `${text}\n`);

/** node_modules from this repository (the enforcer from its build), the config, a cached no-op target, git. */
function prepare(root) {
  linkNodeModules(root);
  // Every rule runs, and warns: rules that ship off cost time too when a team turns them on, the five
  // seeded ones must all report, and passing tasks are what Nx caches.
  const rules = Object.fromEntries(builtinRules.map((rule) => [rule.id, 'warn']));
  writeFileSync(join(root, 'enforcer.config.json'), `${JSON.stringify({ rules }, null, 2)}\n`);
  // As after `nx add nx-enforcer`: the packages in package.json and the lockfile, where Nx finds the
  // versions it hashes for the target's externalDependencies. node_modules is this repository's.
  const versions = {
    'nx-enforcer': readJson(join(REPO, 'packages/nx-enforcer/package.json')).version,
    '@nx-enforcer/core': readJson(join(REPO, 'packages/core/package.json')).version,
  };
  const manifest = readJson(join(root, 'package.json'));
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ ...manifest, devDependencies: versions }, null, 2)}\n`);
  const lock = {
    name: manifest.name,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: manifest.name, workspaces: manifest.workspaces, devDependencies: versions },
      ...Object.fromEntries(Object.entries(versions).map(([name, version]) => [`node_modules/${name}`, { version, dev: true }])),
    },
  };
  writeFileSync(join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  for (const project of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', project, 'package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.nx.targets.floor = { command: 'node -e 0', cache: true };
    manifest.nx.targets.noop = { executor: 'bench-noop:noop', cache: false };
    // The floor plus outputs: a cached no-op whose outputs are a copy of the project's enforce
    // outputs, so a cache hit restores the same bytes enforce's does, and whose inputs are
    // enforce's (set below, once Nx has inferred them). Against enforce's own cached rerun it
    // leaves only the executor as a difference; against the floor, it measures what hashing
    // enforce's inputs and restoring its outputs cost.
    const from = `.nx-enforcer/projects/packages%2F${project}`;
    const to = `.bench-floor/packages/${project}`;
    manifest.nx.targets['floor-outputs'] = {
      command: `node -e "require('fs').cpSync('${from}', '${to}', { recursive: true })"`,
      options: { cwd: '.' },
      cache: true,
      outputs: [`{workspaceRoot}/${to}`],
    };
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const inferred = JSON.parse(
    execFileSync('npx', ['nx', 'show', 'project', 'p000', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } }),
  );
  for (const project of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', project, 'package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.nx.targets['floor-outputs'].inputs = inferred.targets.enforce.inputs;
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.invalid',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.invalid',
      },
    });
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'bench');
}

/**
 * node_modules: this repository's packages, each linked, plus `bench-noop`, an installed executor
 * that does nothing. Installed, not a workspace plugin: Nx loads a TypeScript transpiler for local
 * plugins, which would inflate the floor.
 */
function linkNodeModules(root) {
  const folder = join(root, 'node_modules');
  mkdirSync(folder);
  for (const entry of readdirSync(join(REPO, 'node_modules'))) symlinkSync(join(REPO, 'node_modules', entry), join(folder, entry));
  const noop = join(folder, 'bench-noop');
  mkdirSync(noop);
  writeFileSync(join(noop, 'package.json'), `${JSON.stringify({ name: 'bench-noop', version: '0.0.0', executors: './executors.json' }, null, 2)}\n`);
  writeFileSync(
    join(noop, 'executors.json'),
    `${JSON.stringify({ executors: { noop: { implementation: './noop.js', schema: './schema.json', description: 'Does nothing.' } } }, null, 2)}\n`,
  );
  writeFileSync(join(noop, 'schema.json'), `${JSON.stringify({ type: 'object', properties: {} })}\n`);
  writeFileSync(join(noop, 'noop.js'), 'module.exports = async function noop() {\n  return { success: true };\n};\n');
}

/** The cold runs: enforce per task and batched, ESLint through Nx and alone, oxlint; with the violations each found. */
async function comparePeers(run, clearOutputs, root) {
  clearOutputs();
  const cold = await run('enforce', 'npx', ['nx', 'run-many', '-t', 'enforce', '--skip-nx-cache', '--output-style=static']);
  const enforceCounts = countEnforcer(root);
  clearOutputs();
  const batch = await run('enforce --batch', 'npx', ['nx', 'run-many', '-t', 'enforce', '--batch', '--skip-nx-cache', '--output-style=static']);
  const lintNx = await run('eslint via nx', 'npx', ['nx', 'run-many', '-t', 'lint', '--skip-nx-cache', '--output-style=static']);
  const eslintOut = join(root, 'eslint.json');
  const eslint = await run('eslint', 'npx', ['eslint', 'packages', '-f', 'json', '-o', eslintOut]);
  const oxlint = await run('oxlint', 'npx', ['oxlint', '-c', '.oxlintrc.json', '-f', 'json', 'packages']);
  const eslintCounts = countEslint(eslintOut);
  const oxlintCounts = countOxlint(oxlint.stdout);
  return { cold, batch, lintNx, eslint, oxlint, counts: { enforce: enforceCounts, eslint: eslintCounts, oxlint: oxlintCounts } };
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function touchOneFile(root) {
  const file = join(root, 'packages/p000/src/lib/service-00001.ts');
  const before = readFileSync(file, 'utf8');
  appendFileSync(file, 'export const touched = 1;\n');
  return { file, before };
}

function restore({ file, before }) {
  writeFileSync(file, before);
}

function ratio(a, b) {
  const value = a.wallMs / b.wallMs;
  return value >= 1 ? `${value.toFixed(2)}x` : `${value.toFixed(2)}x (${(b.wallMs / a.wallMs).toFixed(1)}x faster)`;
}

function table(rows) {
  const lines = ['| run | wall | peak RSS, process tree | largest process | vs |', '| --- | ---: | ---: | ---: | --- |'];
  for (const [label, result, note] of rows)
    lines.push(`| ${label} | ${seconds(result.wallMs)} s | ${result.peakTreeRssMb} MB | ${result.peakProcessRssMb} MB | ${note} |`);
  return lines.join('\n');
}

function countsTable(expected, counts) {
  const tools = Object.keys(counts);
  const lines = [`| rule (seeded) | seeded | ${tools.join(' | ')} |`, `| --- | ---: | ${tools.map(() => '---:').join(' | ')} |`];
  let agree = true;
  for (const [key, seed] of Object.entries(SEEDS)) {
    const found = tools.map((tool) => counts[tool][tool === 'enforce' ? seed.enforcer : seed[tool]] ?? 0);
    if (found.some((count) => count !== expected[key])) agree = false;
    lines.push(`| ${seed.enforcer} | ${expected[key]} | ${found.join(' | ')} |`);
  }
  lines.push('', agree ? 'Every tool found exactly the seeded violations.' : '**The counts disagree: this comparison is void.**');
  return lines.join('\n');
}

function countEnforcer(root) {
  const counts = {};
  const walk = (folder) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'report.json') for (const v of JSON.parse(readFileSync(path, 'utf8')).violations) counts[v.ruleId] = (counts[v.ruleId] ?? 0) + 1;
    }
  };
  walk(join(root, '.nx-enforcer'));
  return counts;
}

function countEslint(file) {
  const counts = {};
  for (const result of JSON.parse(readFileSync(file, 'utf8')))
    for (const message of result.messages) counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
  return counts;
}

function countOxlint(stdout) {
  const counts = {};
  for (const diagnostic of JSON.parse(stdout).diagnostics) counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1;
  return counts;
}
