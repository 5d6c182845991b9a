// Prettier keeps code within its print width but cannot break a long string, regular expression or
// comment: this holds every tracked source line to the same width, so none hides past the edge.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = join(import.meta.dirname, '..', '..');
const { printWidth } = JSON.parse(readFileSync(join(root, '.prettierrc.json'), 'utf8'));
const CODE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
// Written by generators and compared with their output by specs, not by hand.
const GENERATED = /\.generated\.ts$/;

/** `file:line (length)` of every tracked code line longer than the print width. */
export function longLines(files, width) {
  const found = [];
  for (const file of files) {
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.length > width) found.push(`${file}:${index + 1} (${line.length})`);
      });
  }
  return found;
}

test(`no tracked code line is longer than the print width (${printWidth})`, () => {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => CODE.test(file) && !GENERATED.test(file));
  assert.ok(files.length > 100, `expected the repository's code files, got ${files.length}`);
  assert.deepEqual(longLines(files, printWidth), []);
});

test('a line one character over the width is found, one at the width is not', () => {
  assert.deepEqual(longLines(['tools/format/line-width.spec.mjs'], 10_000), []);
  const widest = Math.max(
    ...readFileSync(join(root, 'tools/format/line-width.spec.mjs'), 'utf8')
      .split('\n')
      .map((line) => line.length),
  );
  assert.equal(longLines(['tools/format/line-width.spec.mjs'], widest).length, 0);
  assert.equal(longLines(['tools/format/line-width.spec.mjs'], widest - 1).length > 0, true);
});
