import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { coalesceBursts, watchPaths } from './watch-changes';

describe('coalesceBursts', () => {
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('should emit one sorted batch per burst, each path once, after the quiet time', () => {
    scheduler().run(({ cold, expectObservable }) => {
      // Two bursts: b, a, b within 30 ms; then c after a long pause.
      const changes = cold('b 9ms a 9ms b 200ms c|', { a: 'src/a.ts', b: 'src/b.ts', c: 'src/c.ts' });
      expectObservable(coalesceBursts(changes, 100)).toBe('120ms x 101ms (y|)', { x: ['src/a.ts', 'src/b.ts'], y: ['src/c.ts'] });
    });
  });

  it('should keep a burst together however long it lasts, as long as no pause reaches the quiet time', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const changes = cold('a 50ms b 50ms a 50ms c 500ms |', { a: 'a.ts', b: 'b.ts', c: 'c.ts' });
      expectObservable(coalesceBursts(changes, 100)).toBe('253ms x 400ms |', { x: ['a.ts', 'b.ts', 'c.ts'] });
    });
  });
});

describe('watchPaths', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-watch-'));
    mkdirSync(join(root, 'libs/a/src'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should report changed files below the watched folders as workspace-relative paths, skipping ignored ones', async () => {
    const seen = firstValueFrom(
      watchPaths({ workspaceRoot: root, folders: ['libs/a'], ignore: (path) => path.includes('/dist/') }).pipe(
        filter((path) => path.endsWith('.ts')),
        take(1),
        toArray(),
      ),
    );
    // The watcher needs a moment to be in place before the write it should see.
    await new Promise((resolve) => setTimeout(resolve, 100));
    mkdirSync(join(root, 'libs/a/dist'), { recursive: true });
    writeFileSync(join(root, 'libs/a/dist/out.ts'), 'x');
    writeFileSync(join(root, 'libs/a/src/index.ts'), 'export const a = 1;\n');
    expect(await seen).toEqual(['libs/a/src/index.ts']);
  });
});
