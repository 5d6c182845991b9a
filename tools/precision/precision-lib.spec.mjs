// Run with `node --test tools/precision/` (part of `npm test`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawSample, indexLabels, locationKey, precisionOf, ratio, recallOf, SAMPLE_SIZE } from './precision-lib.mjs';

const finding = (file, line, ruleId = 'logging/no-console') => ({ file, line, column: 1, ruleId, severity: 'warn', message: 'm' });
const label = (file, line, verdict, extra = {}) => ({ round: 1, file, line, rule: 'logging/no-console', verdict, reason: 'checked by hand', ...extra });

test('drawSample draws the same items for the same seed whatever their order, another sample for another round', () => {
  const items = Array.from({ length: 100 }, (_, index) => finding(`src/f${index}.ts`, index + 1));
  const key = (item) => locationKey(item);
  const first = drawSample(items, key, 'repo@c:rule:round-1');
  assert.equal(first.length, SAMPLE_SIZE);
  assert.deepEqual(drawSample([...items].reverse(), key, 'repo@c:rule:round-1'), first);
  assert.notDeepEqual(drawSample(items, key, 'repo@c:rule:round-2'), first);
  assert.equal(new Set(first.map(key)).size, SAMPLE_SIZE);
  assert.deepEqual(drawSample(items.slice(0, 3), key, 'seed').map(key).sort(), items.slice(0, 3).map(key).sort());
});

test('precisionOf counts true positives among labelled findings and leaves unlabelled ones pending', () => {
  const labels = indexLabels([label('a.ts', 1, 'TP'), label('b.ts', 2, 'FP'), label('c.ts', 3, 'NOISE')]);
  const result = precisionOf([finding('a.ts', 1), finding('b.ts', 2), finding('c.ts', 3), finding('d.ts', 4)], labels);
  assert.equal(result.tp, 1);
  assert.equal(result.labelled, 3);
  assert.deepEqual(result.pending.map(locationKey), ['d.ts:4:logging/no-console']);
});

test('recallOf measures the share of labelled real violations the rule reported, and lists the misses', () => {
  const labels = indexLabels([
    label('a.ts', 1, 'TP', { kind: 'candidate' }),
    label('b.ts', 2, 'TP', { kind: 'candidate' }),
    label('c.ts', 3, 'FP', { kind: 'candidate' }),
    // A finding's label is not a candidate's.
    label('d.ts', 4, 'TP'),
  ]);
  const reported = new Set(['a.ts:1:logging/no-console', 'c.ts:3:logging/no-console']);
  const candidates = [
    { file: 'a.ts', line: 1 },
    { file: 'b.ts', line: 2 },
    { file: 'c.ts', line: 3 },
    { file: 'd.ts', line: 4 },
  ];
  const result = recallOf(candidates, labels, 'logging/no-console', reported);
  assert.equal(result.real, 2);
  assert.equal(result.found, 1);
  assert.deepEqual(result.missed, [{ file: 'b.ts', line: 2 }]);
  assert.deepEqual(result.pending, [{ file: 'd.ts', line: 4 }]);
  // A real one the team suppressed with its own linter's comment is counted apart, not as a miss.
  const apart = recallOf(candidates, labels, 'logging/no-console', reported, (candidate) => candidate.file === 'b.ts');
  assert.deepEqual([apart.real, apart.found, apart.suppressed, apart.missed], [1, 1, 1, []]);
});

test('indexLabels refuses an unknown verdict or a label without a reason', () => {
  assert.throws(() => indexLabels([label('a.ts', 1, 'MAYBE')]), /verdict "MAYBE"/);
  assert.throws(() => indexLabels([{ ...label('a.ts', 1, 'TP'), reason: ' ' }]), /a reason is required/);
});

test('ratio prints part/whole with a percentage, or a dash for nothing labelled', () => {
  assert.equal(ratio(9, 10), '9/10 (90%)');
  assert.equal(ratio(0, 0), '–');
});
