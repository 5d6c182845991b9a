import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HeapGuard } from './heap-guard';

/**
 * A full collection before the guard takes its baseline: otherwise garbage left by earlier tests,
 * collected by V8 while the test allocates, can leave the heap under a ceiling measured with it
 * (seen on Node 26).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('HeapGuard', () => {
  it('should collect once the heap has grown past the budget, then wait for another budget of growth', () => {
    collectGarbage();
    const guard = new HeapGuard(8 * 1024 * 1024);
    for (let file = 0; file < 200; file++) guard.fileAnalysed();
    expect(guard.collections).toBe(0);

    // About 32 MB, held while the guard looks: the heap is over its ceiling whatever V8 did meanwhile.
    const held = Array.from({ length: 4_000 }, () => Array.from({ length: 1_000 }, (_, index) => index));
    for (let file = 0; file < 50; file++) guard.fileAnalysed();
    expect(guard.collections).toBe(1);

    // The ceiling now sits a budget above what the collection left: no growth, no collection.
    for (let file = 0; file < 200; file++) guard.fileAnalysed();
    expect(guard.collections).toBe(1);
    expect(held).toHaveLength(4_000);
  });
});
