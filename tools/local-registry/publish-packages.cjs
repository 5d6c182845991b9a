// @ts-check
/**
 * Publishes built workspace packages to a local registry under one prerelease version.
 *
 * Each package is packed with `npm pack` (so exactly the files a real release would contain are
 * published), unpacked into a work folder, and its package.json is rewritten there: the version
 * becomes the prerelease, and dependencies on the other packages of the same batch point to that
 * prerelease. The source package.json files are never touched.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Dependency fields a consumer's install reads; devDependencies are not installed from a registry. */
const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
/** The local registry accepts any token, but npm refuses to publish without one. */
const FAKE_AUTH_TOKEN = 'nx-enforcer-local-registry';

/**
 * @param {{ registryUrl: string, version: string, packages: string[], workDir: string }} options
 *   packages: package folders, each with a package.json and its build output already in place.
 *   workDir: a scratch folder owned by the caller.
 * @returns {string[]} the published `name@version`s, in the order given
 */
function publishPackages({ registryUrl, version, packages, workDir }) {
  fs.mkdirSync(workDir, { recursive: true });
  const userconfig = writeNpmUserConfig(registryUrl, workDir);
  const npmEnv = { npm_config_registry: registryUrl, npm_config_userconfig: userconfig };
  const sourceDirs = packages.map((dir) => path.resolve(dir));
  const batchNames = new Set(sourceDirs.map((dir) => readJson(path.join(dir, 'package.json')).name));

  return sourceDirs.map((sourceDir, index) => {
    const unpackedDir = packIntoWorkDir(sourceDir, path.join(workDir, `package-${index}`), npmEnv);
    const manifestPath = path.join(unpackedDir, 'package.json');
    const manifest = withPrereleaseVersion(readJson(manifestPath), version, batchNames);
    assertBuilt(manifest, unpackedDir, sourceDir);
    fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    // --tag: npm 11 refuses to publish a prerelease without one. --ignore-scripts: the package is
    // already built; its lifecycle scripts would run in a folder that has no sources.
    npm(['publish', '--tag', 'e2e', '--access', 'public', '--ignore-scripts', '--registry', registryUrl], unpackedDir, npmEnv);
    return `${manifest.name}@${version}`;
  });
}

/**
 * An npm user config for talking to the local registry, so ~/.npmrc is never modified.
 * Pass its path as `npm_config_userconfig`.
 * @param {string} registryUrl
 * @param {string} dir
 */
function writeNpmUserConfig(registryUrl, dir) {
  const file = path.join(dir, 'npmrc');
  const registryKey = registryUrl.replace(/^https?:/, '').replace(/\/?$/, '/');
  fs.writeFileSync(file, `registry=${registryUrl}\n${registryKey}:_authToken=${FAKE_AUTH_TOKEN}\n`);
  return file;
}

/**
 * Runs `npm pack` in the source folder and unpacks the tarball into `targetDir`.
 * @param {string} sourceDir
 * @param {string} targetDir
 * @param {NodeJS.ProcessEnv} npmEnv
 * @returns {string} the folder holding the unpacked package
 */
function packIntoWorkDir(sourceDir, targetDir, npmEnv) {
  fs.rmSync(targetDir, { recursive: true, force: true });
  fs.mkdirSync(targetDir, { recursive: true });
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', targetDir], sourceDir, npmEnv));
  const tarball = path.join(targetDir, packed[0].filename);
  const result = spawnSync('tar', ['-xzf', tarball, '-C', targetDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Could not unpack ${tarball}: ${result.stderr}`);
  // npm tarballs always hold a single `package/` folder.
  return path.join(targetDir, 'package');
}

/**
 * @param {Record<string, any>} manifest
 * @param {string} version
 * @param {Set<string>} batchNames  names of the packages published together
 */
function withPrereleaseVersion(manifest, version, batchNames) {
  /** @type {Record<string, any>} */
  const updated = { ...manifest, version };
  for (const field of DEPENDENCY_FIELDS) {
    if (!manifest[field]) continue;
    updated[field] = Object.fromEntries(Object.entries(manifest[field]).map(([name, range]) => [name, batchNames.has(name) ? version : range]));
  }
  return updated;
}

/**
 * A package whose build output is missing would still pack and publish; fail with a clear message
 * instead of letting the e2e test fail later on a missing file.
 * @param {Record<string, any>} manifest
 * @param {string} unpackedDir
 * @param {string} sourceDir
 */
function assertBuilt(manifest, unpackedDir, sourceDir) {
  const main = manifest.main ?? 'index.js';
  if (!fs.existsSync(path.join(unpackedDir, main))) {
    throw new Error(`${manifest.name}: "${main}" is not in the packed files; build ${sourceDir} before publishing it.`);
  }
}

/**
 * @param {string[]} args
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} npmEnv
 * @returns {string} stdout
 */
function npm(args, cwd, npmEnv) {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...npmEnv },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** @param {string} file */
function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

module.exports = { publishPackages, writeNpmUserConfig };
