import { stableJsonPieces } from './stable-json-pieces';
import { stableStringify } from './stable-stringify';

function joined(value: unknown, indent: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  stableJsonPieces(value, indent, (piece) => pieces.push(piece));
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('stableJsonPieces', () => {
  const values: Array<[string, unknown]> = [
    [
      'a report-like object',
      {
        z: 1,
        a: [
          { file: 'b.ts', line: 2, hint: undefined },
          { file: 'a.ts', message: 'line\nbreak "quoted" é 😀', scope: 'new' },
        ],
        summary: { errors: 0 },
        notices: [],
      },
    ],
    ['nesting deeper than written piecewise', { a: { b: { c: { d: { e: [1, [2, { g: 3, f: [] }]] } } } } }],
    [
      'empty containers and what JSON cannot hold',
      { empty: {}, list: [], nothing: undefined, fn: () => 1, inList: [undefined, () => 1, null, Number.NaN, -0, 1e21], date: new Date(0) },
    ],
    [
      'a shard-like record of many files',
      {
        files: Object.fromEntries(
          Array.from({ length: 50 }, (_, index) => [
            `src/f${49 - index}.ts`,
            { hash: `h${index}`, violations: index % 7 ? [] : [['r', 'warn', 1, 2, 1, 3, 'm', 'fp']], cov: { x: [1, 0] } },
          ]),
        ),
      },
    ],
    ['a top-level array', [3, 'two', { b: 1, a: 2 }]],
    ['a bare string', 'plain'],
    ['null', null],
  ];

  it.each(values)('should give the bytes of stableStringify for %s, at indent 2 and 0', (_name, value) => {
    for (const indent of [2, 0]) expect(joined(value, indent).text).toBe(stableStringify(value, indent));
  });

  it('should hand a long list over in many pieces, not one string', () => {
    const report = { violations: Array.from({ length: 1000 }, (_, index) => ({ file: `f${index}.ts`, line: index })) };
    expect(joined(report, 2).pieces).toBeGreaterThan(1000);
  });
});
