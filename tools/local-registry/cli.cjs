#!/usr/bin/env node
// @ts-check
/**
 * Runs a local registry until Ctrl+C, for trying packages by hand.
 *
 *   node tools/local-registry/cli.cjs start [--port 4873] [--publish [--version 0.0.0-local.1]]
 *
 * --publish packs and publishes the (already built: `npx nx run-many -t build`) nx-enforcer
 * packages. Then, in any folder: npm_config_registry=<printed url> npm install nx-enforcer@<version>
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { startLocalRegistry, publishPackages } = require('./index.cjs');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Published in dependency order: nx-enforcer depends on @nx-enforcer/core. */
const PACKAGE_DIRS = ['packages/core', 'packages/nx-enforcer'];

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      publish: { type: 'boolean', default: false },
      version: { type: 'string', default: `0.0.0-local.${Date.now().toString(36)}` },
    },
  });
  if (positionals[0] !== 'start') {
    console.error('Usage: node tools/local-registry/cli.cjs start [--port N] [--publish [--version V]]');
    process.exit(2);
  }

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-enforcer-registry-'));
  const registry = await startLocalRegistry({
    storage: path.join(tmpDir, 'registry'),
    port: values.port ? Number(values.port) : undefined,
  });
  const shutdown = async (exitCode = 0) => {
    await registry.stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
    process.exit(exitCode);
  };
  process.on('SIGINT', () => shutdown());
  process.on('SIGTERM', () => shutdown());

  console.log(`Local registry: ${registry.url}`);
  if (values.publish) {
    try {
      const published = publishPackages({
        registryUrl: registry.url,
        version: values.version,
        packages: PACKAGE_DIRS.map((dir) => path.join(REPO_ROOT, dir)),
        workDir: path.join(tmpDir, 'publish'),
      });
      console.log(`Published (dist-tag e2e): ${published.join(', ')}`);
    } catch (error) {
      console.error(/** @type {Error} */ (error).message);
      await shutdown(1);
    }
  }
  console.log(`Use it with: npm_config_registry=${registry.url} npm install <package>`);
  console.log('Press Ctrl+C to stop it; its storage is deleted then.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
