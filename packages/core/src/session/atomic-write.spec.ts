import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'enforcer-atomic-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should create missing folders and replace the whole content', async () => {
    const path = join(folder, 'deep', 'er', 'file.json');
    await writeFileAtomic(path, 'first, and longer');
    await writeFileAtomic(path, 'second');
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(join(folder, 'deep', 'er'))).toEqual(['file.json']);
  });

  it('should leave the old content and no temp file when the write fails', async () => {
    const path = join(folder, 'file.json');
    writeFileSync(path, 'old');
    // A directory where the temp file's folder should be makes every write fail the same way.
    await expect(writeFileAtomic(join(path, 'child.json'), 'new')).rejects.toThrow();
    mkdirSync(join(folder, 'target'));
    await expect(writeFileAtomic(join(folder, 'target'), 'new')).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder).sort()).toEqual(['file.json', 'target']);
  });

  it('should remove temp files of dead writers only, never those of a writer still running', async () => {
    const dead = 'session.json.2147483646.0123abcd.tmp';
    const ours = `session.json.${process.pid}.89abcdef.tmp`;
    const parents = `report.json.${process.ppid}.00000000.tmp`;
    for (const name of [dead, ours, parents, 'notes.tmp', 'session.json']) writeFileSync(join(folder, name), '{');
    await removeStaleTempFiles(folder);
    expect(readdirSync(folder).sort()).toEqual([parents, 'notes.tmp', 'session.json', ours].sort());
    await expect(removeStaleTempFiles(join(folder, 'missing'))).resolves.toBeUndefined();
  });

  it('should leave the old or the new complete file when the writer is killed at any moment', async () => {
    const path = join(folder, 'session.json');
    // Built the same way in this process and in the writer (passed as source), 2 MB each.
    const makeVersions = () => ['a', 'b'].map((letter) => JSON.stringify({ letter, padding: letter.repeat(2_000_000) }));
    const versions = makeVersions();
    writeFileSync(path, versions[0]);
    const writer = `
      const { writeFileAtomic } = require(${JSON.stringify(require.resolve('./atomic-write'))});
      const versions = (${makeVersions.toString()})();
      (async () => { process.send('ready'); for (let i = 1; ; i++) await writeFileAtomic(${JSON.stringify(path)}, versions[i % 2]); })();
    `;
    const seen = new Set<string>();
    for (let kill = 0; kill < 12; kill++) {
      const child = spawn(process.execPath, ['--require', '@swc-node/register', '-e', writer], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      await new Promise((resolve) => child.once('message', resolve));
      await new Promise((resolve) => setTimeout(resolve, 5 + ((kill * 37) % 60)));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const content = readFileSync(path, 'utf8');
      expect(versions).toContain(content);
      seen.add(JSON.parse(content).letter);
    }
    // Stale temp files of killed writers are what the next run cleans up.
    await removeStaleTempFiles(folder);
    expect(readdirSync(folder)).toEqual(['session.json']);
    expect(seen.size).toBeGreaterThan(0);
  }, 60_000);
});
