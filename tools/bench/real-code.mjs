// @ts-check
/**
 * The benchmark on real code: each subfolder of a folder of repository snapshots (taken outside CI,
 * e.g. with the precision harness's fetch), checked in one process by the enforcer (every rule on,
 * on this Node and on Node 24 from tools/node-matrix), ESLint with typescript-eslint and oxlint
 * (the five rules they share with it). Every figure is also a ratio against ESLint and oxlint,
 * measured in the same run.
 *
 *   node tools/bench/run.mjs --real <folder>
 */
import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { eslintConfigText, oxlintConfigOf } from './generate-workspace.mjs';

const require = createRequire(import.meta.url);
const CODE = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**'];
const eslintConfig = eslintConfigText({
  ignores: IGNORES,
  files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
  // Real code turns more rules on in comments (/* eslint rule: on */), some needing type information.
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
});
const oxlintConfig = oxlintConfigOf(IGNORES);

/** Code files and their bytes, node_modules and build output left out as every tool here leaves them. */
function sizeOf(folder) {
  let files = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'build', 'coverage', '.git'].includes(entry.name)) walk(join(dir, entry.name));
      } else if (CODE.has(extname(entry.name))) {
        files++;
        bytes += statSync(join(dir, entry.name)).size;
      }
    }
  };
  walk(folder);
  return { files, megabytes: bytes / 1e6 };
}

/**
 * @typedef {{ cwd?: string, env?: Record<string, string> }} RunExtra
 * @typedef {{ wallMs: number, peakTreeRssMb: number, peakProcessRssMb: number }} RunResult
 */

/**
 * @param {object} options
 * @param {string} options.folder a folder whose subfolders are repository snapshots
 * @param {string} options.repo this repository's root
 * @param {Array<{ id: string }>} options.rules every built-in rule
 * @param {(label: string, command: string, args: string[], extra?: RunExtra) => Promise<RunResult>} options.run
 * @param {string | undefined} options.node24 the Node 24 binary, when there is one
 * @returns {Promise<string[]>} Markdown lines
 */
export async function benchRealCode({ folder, repo, rules, run, node24 }) {
  const work = mkdtempSync(join(tmpdir(), 'enforcer-bench-real-'));
  const lines = [];
  try {
    symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
    writeFileSync(join(work, 'eslint.config.mjs'), eslintConfig);
    writeFileSync(join(work, '.oxlintrc.json'), `${JSON.stringify(oxlintConfig, null, 2)}\n`);
    writeFileSync(join(work, 'enforcer.config.json'), `${JSON.stringify({ rules: Object.fromEntries(rules.map((rule) => [rule.id, 'warn'])) }, null, 2)}\n`);
    const enforcer = join(repo, 'packages/core/bin/enforcer.js');
    // Their bin scripts, not exported by the packages: found beside their package.json.
    const binOf = (name, bin) => join(dirname(require.resolve(`${name}/package.json`, { paths: [repo] })), bin);
    const eslint = binOf('eslint', 'bin/eslint.js');
    const oxlint = binOf('oxlint', 'bin/oxlint');
    for (const name of readdirSync(folder).sort()) {
      const snapshot = join(folder, name);
      if (!statSync(snapshot).isDirectory()) continue;
      const { files, megabytes } = sizeOf(snapshot);
      const enforceArgs = [enforcer, 'check', '.', '--config', join(work, 'enforcer.config.json'), '--format', 'json', '--output', join(work, 'enforce.json')];
      const enforce20 = await run(`${name}: enforce, Node ${process.version}`, process.execPath, enforceArgs, { cwd: snapshot });
      const enforce24 = node24 ? await run(`${name}: enforce, Node 24`, node24, enforceArgs, { cwd: snapshot }) : undefined;
      const eslintRun = await run(
        `${name}: ESLint`,
        process.execPath,
        [eslint, '-c', join(work, 'eslint.config.mjs'), '-f', 'json', '-o', join(work, 'eslint.json'), '.'],
        { cwd: snapshot },
      );
      const oxlintRun = await run(`${name}: oxlint`, process.execPath, [oxlint, '-c', join(work, '.oxlintrc.json'), '-f', 'json', '.'], { cwd: snapshot });
      const vs = (result) => `${(result.wallMs / oxlintRun.wallMs).toFixed(1)}x oxlint; ${(result.wallMs / eslintRun.wallMs).toFixed(2)}x ESLint`;
      const row = (label, result, note) =>
        `| ${label} | ${(result.wallMs / 1000).toFixed(1)} s | ${result.peakProcessRssMb} MB | ${(megabytes / (result.wallMs / 1000)).toFixed(2)} ` +
        `MB/s | ${note} |`;
      lines.push(`### ${name}: ${files} code files, ${megabytes.toFixed(1)} MB`, '');
      lines.push('| run, one process | wall | peak RSS | throughput | vs |', '| --- | ---: | ---: | ---: | --- |');
      lines.push(row(`enforce, every rule, Node ${process.version}`, enforce20, vs(enforce20)));
      if (enforce24) lines.push(row('enforce, every rule, Node 24', enforce24, vs(enforce24)));
      lines.push(row('ESLint + typescript-eslint parser, 5 rules', eslintRun, ''));
      lines.push(row('oxlint, 5 rules', oxlintRun, ''), '');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return lines;
}
