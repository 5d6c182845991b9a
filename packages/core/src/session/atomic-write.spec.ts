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
});
