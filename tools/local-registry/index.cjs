// @ts-check
/** A local npm registry (verdaccio) for e2e tests: see README.md. */
const { startLocalRegistry, npmRegistryUrl } = require('./start-local-registry.cjs');
const { publishPackages, writeNpmUserConfig } = require('./publish-packages.cjs');

module.exports = { startLocalRegistry, npmRegistryUrl, publishPackages, writeNpmUserConfig };
