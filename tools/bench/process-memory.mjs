#!/usr/bin/env node
// @ts-check
/**
 * What an enforce task process is made of, in peak RSS: each line is a fresh Node process that
 * loads one more piece than the line before (Node alone, Nx's devkit, TypeScript through ts-morph,
 * the engine, then the engine checking 1,000 generated files), so the differences are what each
 * piece costs; then TypeScript and oxc-parser each alone. It explains the floor under the
 * "<= 128 MB per enforce process" target.
 *
 *   npm ci && node tools/bench/process-memory.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-workspace.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
execFileSync('npx', ['nx', 'run', '@nx-enforcer/core:build', '--output-style=static'], { cwd: REPO, stdio: 'ignore' });

const root = mkdtempSync(join(tmpdir(), 'enforcer-process-memory-'));
try {
  generateWorkspace(root, 'single-1k');
  const core = JSON.stringify(join(REPO, 'packages/core/dist/index.js'));
  const internal = JSON.stringify(join(REPO, 'packages/core/dist/internal.js'));
  const check = `
    const { ConfigResolver, builtinRules } = require(${core});
    const { runCheck } = require(${internal});
    const { readdirSync } = require('node:fs');
    const files = readdirSync(${JSON.stringify(join(root, 'packages/p000/src/lib'))}).map((name) => ({ path: 'packages/p000/src/lib/' + name }));
    await runCheck({ workspaceRoot: ${JSON.stringify(root)}, files, config: new ConfigResolver(builtinRules, []) });`;
  const steps = [
    ['Node alone', ''],
    ["+ Nx's devkit (`@nx/devkit`)", "require('@nx/devkit');"],
    ['+ TypeScript (through `ts-morph`)', "require('@nx/devkit'); require('ts-morph');"],
    ['+ the engine (`@nx-enforcer/core`)', `require('@nx/devkit'); require(${core});`],
    ['+ checking 1,000 files (all rules)', `require('@nx/devkit'); ${check}`],
    // Without Nx, for a process that would only analyse: TypeScript's parser against a native one.
    ['Node + TypeScript alone, no Nx', "require('typescript');"],
    ['Node + `oxc-parser` alone, no Nx', "require('oxc-parser');"],
  ];
  const rows = steps.map(([label, body]) => {
    const script = `(async () => { ${body} process.stdout.write(String(process.resourceUsage().maxRSS)); })()`;
    const kilobytes = Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: REPO, encoding: 'utf8' }));
    return { label, mb: kilobytes / 1024 };
  });
  const lines = [
    `Machine: ${process.platform} ${process.arch}, Node ${process.version}. Command: \`node tools/bench/process-memory.mjs\`.`,
    '',
    '| process loads | peak RSS | added |',
    '| --- | ---: | ---: |',
    ...rows.map((row, index) => {
      // The cumulative steps add to the line above; the last two stand alone and add to Node alone.
      const base = index === 0 ? undefined : index >= steps.length - 2 ? rows[0] : rows[index - 1];
      return `| ${row.label} | ${row.mb.toFixed(0)} MB | ${base ? `+${(row.mb - base.mb).toFixed(0)} MB` : ''} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(join(REPO, 'tools/bench/results'), { recursive: true });
  writeFileSync(join(REPO, 'tools/bench/results/process-memory.md'), `${lines.join('\n')}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
