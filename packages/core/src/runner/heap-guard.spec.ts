import { HeapGuard } from './heap-guard';

describe('HeapGuard', () => {
  it('should collect once the heap has grown past the budget, then wait for another budget of growth', () => {
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
