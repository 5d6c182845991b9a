import { getHeapStatistics } from 'node:v8';
import { HeapGuard } from './heap-guard';

describe('HeapGuard', () => {
  it('should collect garbage once the heap has grown past the budget, and not before', () => {
    const guard = new HeapGuard(8 * 1024 * 1024);
    for (let file = 0; file < 200; file++) guard.fileAnalysed();
    expect(guard.collections).toBe(0);

    // About 32 MB of garbage, as parsed syntax trees leave behind.
    let garbage: number[][] | undefined = Array.from({ length: 4_000 }, () => Array.from({ length: 1_000 }, (_, index) => index));
    expect(garbage.length).toBe(4_000);
    garbage = undefined;
    const before = getHeapStatistics().used_heap_size;
    for (let file = 0; file < 50; file++) guard.fileAnalysed();

    expect(guard.collections).toBe(1);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before);
  });
});
