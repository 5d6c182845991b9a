#!/usr/bin/env node
// @ts-check
/**
 * The many-findings-on-one-line benchmark (a minified bundle's shape): one line of N
 * `console.log(i);` statements, checked and then fixed by the built CLI. Before issue #16's fix each
 * finding re-read the file's statements and re-hashed the line, and each fix went through a ts-morph
 * project: N = 40,000 took minutes. Prints wall time and peak RSS per N.
 *
 *   npx nx run @nx-enforcer/core:build && node tools/bench/long-line.mjs [--counts 5000,40000]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure } from './measure.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(REPO, 'packages', 'core', 'bin', 'enforcer.js');
const { values } = parseArgs({ options: { counts: { type: 'string', default: '5000,40000' } } });

const rows = ['| findings on one line | file | check | fix (safe, logger configured) |', '| ---: | ---: | ---: | ---: |'];
for (const count of String(values.counts).split(',').map(Number)) {
  const folder = mkdtempSync(join(tmpdir(), 'enforcer-long-line-'));
  try {
    const text = Array.from({ length: count }, (_, index) => `console.log(${index});`).join('');
    writeFileSync(join(folder, 'one.ts'), text);
    const config = { rules: { 'logging/no-console': ['warn', { logger: 'logger', loggerModule: '@acme/log' }] }, maxFileSize: 100_000_000 };
    writeFileSync(join(folder, 'enforcer.config.json'), JSON.stringify(config));
    const check = await measure(process.execPath, [CLI, 'check', 'one.ts', '--format', 'json:report.json'], { cwd: folder });
    const found = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')).violations.length;
    const fix = await measure(process.execPath, [CLI, 'check', 'one.ts', '--fix'], { cwd: folder });
    const fixed = (readFileSync(join(folder, 'one.ts'), 'utf8').match(/logger\.info\(/g) ?? []).length;
    if (found !== count || fixed !== count) throw new Error(`expected ${count} findings and fixes, got ${found} and ${fixed}`);
    const cell = (run) => `${(run.wallMs / 1000).toFixed(1)} s, ${run.peakTreeRssMb} MB`;
    rows.push(`| ${count.toLocaleString('en-US')} | ${(text.length / 1024).toFixed(0)} KB | ${cell(check)} | ${cell(fix)} |`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(rows.join('\n'));
