// @ts-check
/**
 * Runs the unit tests of both packages again on each other Node release line users run (see
 * versions.json): the machine's own Node runs them in `nx run-many -t test`. Exits non-zero when
 * any line fails; prints one line per Node version with its wall time.
 *
 *   node tools/node-matrix/unit-tests.cjs          # every line in versions.json
 *   node tools/node-matrix/unit-tests.cjs 24 26    # only these lines
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { nodeBinDir, pinnedVersions } = require('./node-binaries.cjs');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const JEST = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const PROJECTS = ['packages/core/jest.config.cjs', 'packages/nx-enforcer/jest.config.cjs'];

const lines = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(pinnedVersions());
/** @type {string[]} */
const results = [];
let failed = false;
for (const line of lines) {
  const binDir = nodeBinDir(line);
  const node = binDir === null ? process.execPath : path.join(binDir, 'node');
  const start = Date.now();
  console.log(`\n[node-matrix] unit tests on Node ${line} (${node})`);
  const run = spawnSync(node, [JEST, '--projects', ...PROJECTS, '--silent'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    // Children that call `node` get this Node too.
    env: { ...process.env, PATH: binDir === null ? process.env.PATH : `${binDir}${path.delimiter}${process.env.PATH}` },
  });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  const ok = run.status === 0;
  failed ||= !ok;
  results.push(`[node-matrix] Node ${line}: ${ok ? 'passed' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds}s`);
}
console.log(`\n${results.join('\n')}`);
process.exit(failed ? 1 : 0);
