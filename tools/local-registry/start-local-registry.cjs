// @ts-check
/**
 * Starts a throw-away verdaccio registry on 127.0.0.1 for e2e tests and local trials.
 *
 * Our own packages (`nx-enforcer`, `@nx-enforcer/*`) are served only from this registry, so an
 * e2e run can never pick up a published release by mistake; everything else is proxied to the
 * registry npm is configured with on this machine.
 *
 * verdaccio runs as a child process (not in-process through `runServer`) so that it can be
 * stopped cleanly and cannot leave open handles in the jest process.
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** Keep the tail of verdaccio's output to explain a failed start. */
const MAX_LOG_CHARS = 20_000;

/**
 * @typedef {object} LocalRegistry
 * @property {string} url   e.g. `http://127.0.0.1:43127/` (trailing slash, as npm prints registries)
 * @property {number} port
 * @property {string} storage  the folder holding verdaccio's config and package storage
 * @property {() => string} logs  what verdaccio printed so far (warnings and errors only)
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ storage: string, port?: number }} options
 *   storage: a folder owned by the caller (created if missing); the config file and the package
 *   storage go in it, so a fresh folder means a fresh registry.
 *   port: defaults to a free port chosen by the OS.
 * @returns {Promise<LocalRegistry>}
 */
async function startLocalRegistry({ storage, port }) {
  fs.mkdirSync(storage, { recursive: true });
  const listenPort = port ?? (await findFreePort());
  const url = `http://${HOST}:${listenPort}/`;
  const configPath = path.join(storage, 'verdaccio.yaml');
  fs.writeFileSync(configPath, verdaccioConfig({ storage, port: listenPort, uplinkUrl: npmRegistryUrl() }));

  const verdaccioBin = path.join(path.dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const child = spawn(process.execPath, [verdaccioBin, '--config', configPath], {
    cwd: storage,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  const keepOutput = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
  };
  child.stdout.on('data', keepOutput);
  child.stderr.on('data', keepOutput);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilServing(url, exited);
  } catch (error) {
    await stop();
    throw new Error(`verdaccio did not start on ${url}: ${/** @type {Error} */ (error).message}\n${output}`);
  }
  return { url, port: listenPort, storage, logs: () => output, stop };
}

/**
 * The registry this machine's npm uses (honours ~/.npmrc and npm_config_registry), read at run
 * time so no registry host is ever written into the repository.
 */
function npmRegistryUrl() {
  const url = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  if (!/^https?:\/\//.test(url)) throw new Error(`Unexpected output from "npm config get registry": ${url}`);
  return url;
}

/**
 * verdaccio's YAML config. JSON is valid YAML, so JSON.stringify quotes every value safely.
 * @param {{ storage: string, port: number, uplinkUrl: string }} options
 */
function verdaccioConfig({ storage, port, uplinkUrl }) {
  const localOnly = { access: '$all', publish: '$all', unpublish: '$all' };
  const config = {
    storage: path.join(storage, 'storage'),
    listen: `${HOST}:${port}`,
    // The web UI is not needed and slows the start down.
    web: { enable: false },
    // No users: publishing is open to anyone who can reach 127.0.0.1.
    auth: { htpasswd: { file: path.join(storage, 'htpasswd'), max_users: -1 } },
    uplinks: { npmjs: { url: uplinkUrl, timeout: '60s', max_fails: 5, fail_timeout: '1m' } },
    packages: {
      // No `proxy`: only what the e2e run publishes is visible.
      '@nx-enforcer/*': localOnly,
      'nx-enforcer': localOnly,
      '**': { ...localOnly, proxy: 'npmjs' },
    },
    max_body_size: '100mb',
    server: { keepAliveTimeout: 60 },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Ask the OS for a free port. Another process could take it before verdaccio does; that is rare. */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls verdaccio's ping endpoint until it answers, failing fast if the process exits.
 * @param {string} url
 * @param {Promise<unknown>} exited
 */
async function waitUntilServing(url, exited) {
  let hasExited = false;
  exited.then(() => (hasExited = true));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error('the verdaccio process exited');
    try {
      const response = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer within ${STARTUP_TIMEOUT_MS / 1000}s`);
}

module.exports = { startLocalRegistry, npmRegistryUrl };
