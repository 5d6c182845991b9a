import { textCache } from './text-cache';

describe('textCache', () => {
  it('derives once per path and text, again when the text changes, and keeps at most `limit` paths', () => {
    const derive = jest.fn((text: string) => text.length);
    const cached = textCache<number>(2);
    const get = (path: string, text: string) => cached(path, text, () => derive(text));

    expect([get('a.ts', 'one'), get('a.ts', 'one')]).toEqual([3, 3]);
    expect(derive).toHaveBeenCalledTimes(1);
    expect(get('a.ts', 'three')).toBe(5);
    expect(derive).toHaveBeenCalledTimes(2);

    get('b.ts', 'b');
    get('c.ts', 'c'); // a.ts, the oldest, is dropped
    get('b.ts', 'b');
    expect(derive).toHaveBeenCalledTimes(4);
    get('a.ts', 'three');
    expect(derive).toHaveBeenCalledTimes(5);
  });
});
