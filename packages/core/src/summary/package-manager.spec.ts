import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execPrefixOf } from './package-manager';

describe('execPrefixOf', () => {
  const folders: string[] = [];
  const workspaceWith = (...files: string[]): string => {
    const folder = mkdtempSync(join(tmpdir(), 'enforcer-pm-'));
    folders.push(folder);
    for (const file of files) writeFileSync(join(folder, file), '');
    return folder;
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it.each([
    [['package-lock.json'], 'npx'],
    [[], 'npx'],
    [['pnpm-lock.yaml'], 'pnpm exec'],
    [['yarn.lock'], 'yarn'],
    [['bun.lock'], 'bunx'],
  ])('should choose the exec prefix from the lock file %j: %s', (files, prefix) => {
    expect(execPrefixOf(workspaceWith(...files))).toBe(prefix);
  });

  it('should prefer the lock file Nx prefers when several are present', () => {
    expect(execPrefixOf(workspaceWith('pnpm-lock.yaml', 'yarn.lock', 'package-lock.json'))).toBe('yarn');
  });
});
