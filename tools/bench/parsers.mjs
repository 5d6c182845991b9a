#!/usr/bin/env node
// @ts-check
/**
 * Where the enforcer's time goes, and what a native parser would change: on the code files of a
 * generated workspace, in one process, it times
 *   1. TypeScript's parser alone (`ts.createSourceFile`, parent pointers set, as the engine parses);
 *   2. oxc's parser alone (`oxc-parser`'s `parseSync`, which includes building the JavaScript AST);
 *   3. the whole engine (`lintSource`: pre-check, parse, one walk, every rule), all rules on.
 * Each runs twice over the files: the first pass is what a one-shot process pays (JIT warm-up,
 * the heap growing), the second what a long-lived process pays.
 *
 *   npm ci && node tools/bench/parsers.mjs [--size medium]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace, SIZES } from './generate-workspace.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { size: { type: 'string', default: 'medium' } } });
const size = /** @type {keyof typeof SIZES} */ (values.size);
if (!(size in SIZES)) throw new Error(`unknown size ${size}; sizes: ${Object.keys(SIZES).join(', ')}`);

execFileSync('npx', ['nx', 'run', '@nx-enforcer/core:build', '--output-style=static'], { cwd: REPO, stdio: 'ignore' });
const core = require(join(REPO, 'packages/core/dist/index.js'));
const { ts } = require('ts-morph');
const oxc = require('oxc-parser');

const root = mkdtempSync(join(tmpdir(), `enforcer-parsers-${size}-`));
try {
  generateWorkspace(root, size);
  const files = codeFiles(join(root, 'packages')).map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
  const megabytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1024 / 1024;
  const config = new core.ConfigResolver(core.builtinRules, []);

  const typescript = timed(() => {
    for (const file of files) ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  });
  let oxcErrors = 0;
  const native = timed(() => {
    oxcErrors = 0;
    for (const file of files) oxcErrors += oxc.parseSync(file.path, file.text).errors.length;
  });
  let violations = 0;
  const engine = timed(() => {
    violations = 0;
    for (const file of files)
      violations += core.lintSource({ file: file.path, text: file.text, rules: config.rulesFor(file.path), isTestFile: false }).violations.length;
  });

  const row = (label, time, note) =>
    `| ${label} | ${(time.cold / 1000).toFixed(2)} s | ${(time.warm / 1000).toFixed(2)} s | ${(megabytes / (time.warm / 1000)).toFixed(1)} MB/s | ${note} |`;
  const share = (part, whole) => `${((part.cold / whole.cold) * 100).toFixed(0)}% cold, ${((part.warm / whole.warm) * 100).toFixed(0)}% warm`;
  const lines = [
    `Machine: ${process.platform} ${process.arch}, ${require('node:os').cpus().length} cores, Node ${process.version}. ` +
      `Command: \`node tools/bench/parsers.mjs --size ${size}\`.`,
    '',
    `${size}: ${files.length} code files, ${megabytes.toFixed(1)} MB, one thread; each pass twice in one process (first pass: cold, second: warm).`,
    '',
    '| pass | cold | warm | warm throughput | note |',
    '| --- | ---: | ---: | ---: | --- |',
    row('TypeScript parser (`ts.createSourceFile`)', typescript, `${share(typescript, engine)} of the engine's time`),
    row(
      `oxc-parser ${require('oxc-parser/package.json').version} (\`parseSync\`, JS AST built)`,
      native,
      `${(typescript.warm / native.warm).toFixed(1)}x the TypeScript parser's warm speed; ${oxcErrors} parse errors`,
    ),
    row(
      'enforcer engine (`lintSource`, all rules)',
      engine,
      `${violations} violations; with oxc's parse time instead of TypeScript's: ${((engine.cold - typescript.cold + native.cold) / 1000).toFixed(2)} s cold`,
    ),
  ];
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync(join(REPO, 'tools/bench/results'), { recursive: true });
  writeFileSync(join(REPO, `tools/bench/results/parsers-${size}.md`), `${text}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

/** Runs twice; the first pass in ms (cold: a fresh process) and the second (warm). */
function timed(pass) {
  const started = performance.now();
  pass();
  const cold = performance.now() - started;
  const restarted = performance.now();
  pass();
  return { cold, warm: performance.now() - restarted };
}

function codeFiles(folder) {
  const found = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...codeFiles(path));
    else if (/\.tsx?$/.test(entry)) found.push(path);
  }
  return found.sort();
}
