// @ts-check
/**
 * Makes the snapshots the precision harness reads: each pinned repository at its pinned commit,
 * unpacked from a local git copy (outside CI: this is the one step that needs the repositories).
 *
 *   node tools/precision/snapshot.mjs <git-copies-dir> <snapshots-dir>
 *
 * <git-copies-dir> holds a git copy of each repository as `owner+name` (a clone, or a bare
 * repository, or a folder holding it as `repo`). Each snapshot gets a `.precision-commit` marker
 * that run.mjs checks against repos.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const { repos } = JSON.parse(readFileSync(join(HERE, 'repos.json'), 'utf8'));
const [copies, snapshots] = process.argv.slice(2).map((path) => resolve(path));
if (!copies || !snapshots) {
  console.error('usage: node tools/precision/snapshot.mjs <git-copies-dir> <snapshots-dir>');
  process.exit(2);
}

for (const { repo, commit } of repos) {
  const name = repo.replace('/', '+');
  const gitDir = [join(copies, name, 'repo'), join(copies, name, '.git'), join(copies, `${name}.git`), join(copies, name)].find((path) =>
    existsSync(join(path, 'HEAD')),
  );
  if (!gitDir) {
    console.error(`${repo}: no git copy under ${copies}/${name}`);
    process.exitCode = 1;
    continue;
  }
  const target = join(snapshots, name);
  if (existsSync(join(target, '.precision-commit')) && readFileSync(join(target, '.precision-commit'), 'utf8').trim() === commit) {
    console.log(`${repo}: snapshot at ${commit.slice(0, 12)} already there`);
    continue;
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  let missing = [];
  try {
    const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', commit], {
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    execFileSync('tar', ['-x', '-C', target], { input: archive });
  } catch {
    // A partial copy (large blobs left out) cannot be archived: write what is there, name what is not.
    missing = extractAvailable(gitDir, commit, target);
    writeFileSync(join(target, '.precision-missing'), missing.map((path) => `${path}\n`).join(''));
  }
  writeFileSync(join(target, '.precision-commit'), `${commit}\n`);
  const absent = missing.length > 0 ? ` (${missing.length} files absent from the copy, listed in .precision-missing)` : '';
  console.log(`${repo}: snapshot at ${commit.slice(0, 12)} in ${target}${absent}`);
}

/** Every file of the commit whose blob the copy holds, written under target; returns the paths it lacks. */
function extractAvailable(gitDir, commit, target) {
  const entries = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 256 * 1024 * 1024 })
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [mode, type, oid] = meta.split(' ');
      return { mode, type, oid, path };
    })
    .filter((entry) => entry.type === 'blob' && entry.mode !== '120000');
  const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: entries.map((entry) => entry.oid).join('\n') + '\n',
    maxBuffer: 2 * 1024 * 1024 * 1024,
  });
  const missing = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(0x0a, offset);
    const header = batch.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    if (header.endsWith(' missing')) {
      missing.push(entry.path);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    mkdirSync(dirname(join(target, entry.path)), { recursive: true });
    writeFileSync(join(target, entry.path), batch.subarray(offset, offset + size));
    offset += size + 1;
  }
  return missing;
}
