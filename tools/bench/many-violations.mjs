#!/usr/bin/env node
// @ts-check
/**
 * The many-violations benchmark: F files of L lines of `console.log(i);` each (one finding per
 * line), checked by the built CLI into a JSON report. Before issue #16's fix a report listed every
 * violation: at about 1.3 million the JSON text passed V8's longest string and the run died with no
 * report. Prints wall time, peak RSS, the violations counted and those listed.
 *
 *   npx nx run @nx-enforcer/core:build && node tools/bench/many-violations.mjs [--files 13] [--lines 100000]
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure } from './measure.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(REPO, 'packages', 'core', 'bin', 'enforcer.js');
const { values } = parseArgs({ options: { files: { type: 'string', default: '13' }, lines: { type: 'string', default: '100000' } } });
const files = Number(values.files);
const lines = Number(values.lines);

const folder = mkdtempSync(join(tmpdir(), 'enforcer-many-violations-'));
try {
  const text = `${Array.from({ length: lines }, (_, index) => `console.log(${index});`).join('\n')}\n`;
  for (let index = 0; index < files; index++) writeFileSync(join(folder, `f${index}.ts`), text);
  writeFileSync(join(folder, 'enforcer.config.json'), JSON.stringify({ rules: { 'logging/no-console': 'warn' }, maxFileSize: 100_000_000 }));
  const run = await measure(process.execPath, [CLI, 'check', '.', '--format', 'json:report.json'], { cwd: folder });
  let outcome;
  try {
    const report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8'));
    outcome =
      `${report.summary.warnings.toLocaleString('en-US')} counted, ${report.violations.length.toLocaleString('en-US')} ` +
      `listed, report ${(statSync(join(folder, 'report.json')).size / 1048576).toFixed(1)} MB`;
  } catch (error) {
    outcome = `no report (${/** @type {Error} */ (error).message.slice(0, 60)})`;
  }
  console.log('| violations | check | outcome |');
  console.log('| ---: | ---: | --- |');
  console.log(`| ${(files * lines).toLocaleString('en-US')} | ${(run.wallMs / 1000).toFixed(1)} s, ${run.peakTreeRssMb} MB, exit ${run.code} | ${outcome} |`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
