// @ts-check
/**
 * A minimal Nx self-hosted remote cache (the OpenAPI contract Nx documents for
 * NX_SELF_HOSTED_REMOTE_CACHE_SERVER): `PUT /v1/cache/{hash}` stores the tar body, `GET` returns it.
 * Entries live as files in one folder; the server listens on 127.0.0.1 only, on a free port.
 *
 *   const server = await startRemoteCache({ directory, token });
 *   // NX_SELF_HOSTED_REMOTE_CACHE_SERVER=server.url NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN=token
 *   server.stats  // { hits, misses, uploads, rejected } for assertions
 *   await server.stop();
 *
 * A caller that blocks its event loop while Nx talks to the cache (spawnSync) must run it in
 * another process: `startRemoteCacheProcess` does, and reads the counts from a stats file.
 *
 *   node tools/remote-cache/server.cjs <folder> [--token T] [--port N] [--stats file.json]
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const HASH = /^\/v1\/cache\/([A-Za-z0-9_-]{1,128})$/;

/**
 * @typedef {{ hits: number, misses: number, uploads: number, rejected: number }} RemoteCacheStats
 * @typedef {{ url: string, stats: RemoteCacheStats, entries: () => string[], stop: () => Promise<void> }} RemoteCache
 */

/**
 * @param {{ directory: string, token?: string, port?: number, onRequest?: () => void }} options
 * @returns {Promise<RemoteCache>}
 */
async function startRemoteCache({ directory, token, port = 0, onRequest }) {
  fs.mkdirSync(directory, { recursive: true });
  const stats = { hits: 0, misses: 0, uploads: 0, rejected: 0 };

  const server = http.createServer((request, response) => {
    response.on('finish', () => onRequest?.());
    const send = (/** @type {number} */ status, /** @type {string} */ message = '') => {
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(message);
    };
    if (token !== undefined && request.headers.authorization !== `Bearer ${token}`) {
      stats.rejected++;
      return send(401, 'missing or wrong bearer token');
    }
    const match = HASH.exec(request.url ?? '');
    if (!match) return send(404, 'not a cache route');
    const file = path.join(directory, match[1]);

    if (request.method === 'GET') {
      if (!fs.existsSync(file)) {
        stats.misses++;
        return send(404, 'no such entry');
      }
      stats.hits++;
      const body = fs.readFileSync(file);
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      return response.end(body);
    }
    if (request.method === 'PUT') {
      // Entries are immutable: a hash names one result forever.
      if (fs.existsSync(file)) {
        request.resume();
        return send(409, 'cannot override an existing record');
      }
      const chunks = /** @type {Buffer[]} */ ([]);
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, Buffer.concat(chunks));
        fs.renameSync(temp, file);
        stats.uploads++;
        send(200);
      });
      return undefined;
    }
    return send(405, 'only GET and PUT');
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    entries: () =>
      fs
        .readdirSync(directory)
        .filter((name) => !name.endsWith('.tmp'))
        .sort(),
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Runs the server in a child process (for callers that block on spawnSync). `stats()` reads the
 * counts the child keeps in a file, as of its last finished request.
 * @param {{ directory: string, token?: string }} options
 * @returns {Promise<{ url: string, stats: () => { hits: number, misses: number, uploads: number, rejected: number }, stop: () => void }>}
 */
async function startRemoteCacheProcess({ directory, token }) {
  const { spawn } = require('node:child_process');
  const statsFile = path.join(directory, '..', `${path.basename(directory)}.stats.json`);
  const args = [__filename, directory, '--stats', statsFile, ...(token === undefined ? [] : ['--token', token])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`remote cache server exited with ${code}: ${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
  });
  child.removeAllListeners('exit');
  return {
    url: /** @type {string} */ (url),
    stats: () => (fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, 'utf8')) : { hits: 0, misses: 0, uploads: 0, rejected: 0 }),
    stop: () => {
      child.kill();
    },
  };
}

module.exports = { startRemoteCache, startRemoteCacheProcess };

if (require.main === module) {
  const { parseArgs } = require('node:util');
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { token: { type: 'string' }, port: { type: 'string' }, stats: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: node tools/remote-cache/server.cjs <folder> [--token T] [--port N] [--stats file.json]');
    process.exit(2);
  }
  /** @type {{ stats: object } | undefined} */
  let started;
  const writeStats = () => {
    if (!values.stats || !started) return;
    // Atomic, so a reader never sees half a file.
    fs.writeFileSync(`${values.stats}.tmp`, JSON.stringify(started.stats));
    fs.renameSync(`${values.stats}.tmp`, values.stats);
  };
  startRemoteCache({ directory: positionals[0], token: values.token, port: values.port ? Number(values.port) : 0, onRequest: writeStats }).then((server) => {
    started = server;
    writeStats();
    console.log(`Nx remote cache: ${server.url} (NX_SELF_HOSTED_REMOTE_CACHE_SERVER)`);
  });
}
