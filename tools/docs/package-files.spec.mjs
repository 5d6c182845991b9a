// Each published package explains itself: its tarball holds a README, the LICENSE and package.json,
// its manifest points at the repository, and its README is short and has no broken relative links.
// Run from the repository root: node --test tools/docs/package-files.spec.mjs (no build needed).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README_MAX_BYTES = 4096;

const PACKAGES = [
  { dir: 'packages/core', name: '@nx-enforcer/core', keywords: [] },
  { dir: 'packages/nx-enforcer', name: 'nx-enforcer', keywords: ['nx-plugin'] },
];

/** The paths `npm pack` would put in the tarball (nested node_modules are never packed). */
function packedFiles(packageDir) {
  const stdout = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  const packed = JSON.parse(stdout);
  assert.ok(Array.isArray(packed) && packed.length === 1, `npm pack --json in ${packageDir} should describe one tarball`);
  return packed[0].files.map((file) => file.path);
}

/** Link targets of inline markdown links and images, `[text](target)`, outside code blocks and spans. */
function markdownLinks(markdown) {
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\S\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
}

const isRelativeLink = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//') && !target.startsWith('#');

const rootLicense = readFileSync(join(ROOT, 'LICENSE'));

describe('root LICENSE', () => {
  it('is the MIT license of the nx-enforcer contributors', () => {
    const text = rootLicense.toString('utf8');
    assert.match(text, /^MIT License\n/);
    assert.match(text, /Copyright \(c\) 2026 nx-enforcer contributors/);
  });
});

for (const pkg of PACKAGES) {
  const packageDir = join(ROOT, pkg.dir);

  describe(pkg.name, () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

    it('is the package this folder publishes', () => {
      assert.equal(manifest.name, pkg.name);
    });

    it('packs README.md, LICENSE and package.json', () => {
      const files = packedFiles(packageDir);
      for (const required of ['README.md', 'LICENSE', 'package.json']) {
        assert.ok(
          files.includes(required),
          `npm pack in ${pkg.dir} does not include ${required}; it includes: ${files.filter((file) => !file.includes('/')).join(', ')}`,
        );
      }
    });

    it('lists README.md and LICENSE in "files"', () => {
      assert.ok(Array.isArray(manifest.files), '"files" should be an array');
      assert.ok(manifest.files.includes('README.md'), '"files" should list README.md');
      assert.ok(manifest.files.includes('LICENSE'), '"files" should list LICENSE');
    });

    it('points at its folder of the repository, its homepage and the issue tracker', () => {
      assert.equal(typeof manifest.repository, 'object', '"repository" should be an object');
      assert.equal(manifest.repository.type, 'git');
      assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
      assert.equal(manifest.repository.directory, pkg.dir);
      assert.equal(typeof manifest.homepage, 'string');
      assert.match(manifest.homepage, /^https:\/\//);
      assert.ok(manifest.homepage.includes(pkg.dir), `"homepage" should point at ${pkg.dir}: ${manifest.homepage}`);
      assert.equal(typeof manifest.bugs?.url, 'string', '"bugs.url" should be set');
      assert.match(manifest.bugs.url, /^https:\/\//);
    });

    it('has keywords and states the Node versions it supports', () => {
      assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length > 0, '"keywords" should be a non-empty array');
      assert.ok(
        manifest.keywords.every((keyword) => typeof keyword === 'string' && keyword.length > 0),
        'every keyword should be a non-empty string',
      );
      for (const keyword of pkg.keywords) assert.ok(manifest.keywords.includes(keyword), `"keywords" should include ${keyword}`);
      assert.equal(typeof manifest.engines?.node, 'string', '"engines.node" should be set');
      assert.notEqual(manifest.engines.node.trim(), '');
    });

    it('has a README under 4 KB titled with the package name', () => {
      const readmePath = join(packageDir, 'README.md');
      assert.ok(existsSync(readmePath), `${pkg.dir}/README.md is missing`);
      const size = statSync(readmePath).size;
      assert.ok(size < README_MAX_BYTES, `${pkg.dir}/README.md is ${size} bytes, not under ${README_MAX_BYTES}`);
      const firstLine = readFileSync(readmePath, 'utf8').split('\n', 1)[0];
      assert.match(firstLine, /^# \S/, `${pkg.dir}/README.md should start with a "# " title`);
      assert.ok(firstLine.includes(pkg.name), `the title "${firstLine}" should name ${pkg.name}`);
    });

    it('has no README link to a file that does not exist', () => {
      const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
      const broken = markdownLinks(readme)
        .filter(isRelativeLink)
        .filter((target) => {
          const path = decodeURIComponent(target.replace(/[?#].*$/, ''));
          return path !== '' && !existsSync(resolve(packageDir, path));
        });
      assert.deepEqual(broken, [], `${pkg.dir}/README.md links to missing files`);
    });

    it('ships a LICENSE identical to the root one', () => {
      const licensePath = join(packageDir, 'LICENSE');
      assert.ok(existsSync(licensePath), `${pkg.dir}/LICENSE is missing`);
      assert.ok(readFileSync(licensePath).equals(rootLicense), `${pkg.dir}/LICENSE differs from the root LICENSE`);
    });
  });
}

describe('markdownLinks', () => {
  it('finds inline links and images, not links inside code', () => {
    const markdown = [
      '# t',
      'See [docs](https://example.com/docs), [local](./LICENSE "title") and ![logo](<img/logo.png>).',
      'Not `[code](nope.md)`.',
      '```md',
      '[fenced](missing.md)',
      '```',
    ].join('\n');
    assert.deepEqual(markdownLinks(markdown), ['https://example.com/docs', './LICENSE', 'img/logo.png']);
    assert.deepEqual(markdownLinks(markdown).filter(isRelativeLink), ['./LICENSE', 'img/logo.png']);
  });
});
