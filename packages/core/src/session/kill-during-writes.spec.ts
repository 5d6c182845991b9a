import { transformFileSync } from '@swc/core';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stableStringify } from '../json/stable-stringify';
import { removeStaleTempFiles } from './atomic-write';
import { SessionShardStore } from './session-shard';

/**
 * The fault suite's crash case: a process writing a task's outputs the way the enforce executor
 * does (report.json, report.sarif, then the session shard, each atomically and in pieces) is killed with SIGKILL
 * at 50 points spread over its writes. After every kill each file is a complete old or new version.
 */
describe('SIGKILL during the output writes', () => {
  let folder: string;
  let compiled: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'enforcer-kill-'));
    // The writer runs as plain JavaScript, so each of the 50 processes starts in milliseconds.
    compiled = mkdtempSync(join(tmpdir(), 'enforcer-kill-js-'));
    for (const module of [
      'session/atomic-write',
      'session/session-shard',
      'output-names',
      'config/defaults',
      'json/stable-stringify',
      'json/stable-json-pieces',
      'json/compare-strings',
      'runner/run-report',
    ]) {
      const { code } = transformFileSync(join(__dirname, '..', `${module}.ts`), {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      });
      mkdirSync(dirname(join(compiled, module)), { recursive: true });
      writeFileSync(join(compiled, `${module}.js`), code);
    }
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(compiled, { recursive: true, force: true });
  });

  // Two complete sets of outputs, as a project whose content alternates would produce; large
  // enough (about 750 kB a shard) that a kill often lands mid-write.
  const makeVersions = (sessionModule: string) => {
    const { buildSessionShard } = require(sessionModule) as typeof import('./session-shard');
    return ['a', 'b'].map((letter) => {
      const results = Array.from({ length: 5_000 }, (_, index) => ({
        file: `libs/p/src/${letter}-${index}.ts`,
        hash: `${letter}${index}`,
        violations: [
          {
            ruleId: 'logging/no-console',
            severity: 'warn' as const,
            file: `libs/p/src/${letter}-${index}.ts`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 12,
            message: 'Unexpected console.log()',
            fingerprint: `${letter}${index}`,
            messageId: 'unexpected',
          },
        ],
        notices: [],
        rules: ['logging/no-console'],
      }));
      const shard = buildSessionShard(results, { project: 'p', enforcerVersion: '1.0.0', configHash: letter, contextHash: letter });
      const report = { version: 1, letter, violations: results.slice(0, 500).map((result) => result.violations[0]) };
      return { shard, report, sarif: { version: '2.1.0', letter } };
    });
  };

  it('should leave every file old or new and complete, never torn, across 50 kills', async () => {
    const sessionModule = join(compiled, 'session/session-shard.js');
    const writer = `
      const { writeJsonAtomic } = require(${JSON.stringify(join(compiled, 'session/atomic-write.js'))});
      const { SessionShardStore } = require(${JSON.stringify(sessionModule)});
      const versions = (${makeVersions.toString()})(${JSON.stringify(sessionModule)});
      const folder = ${JSON.stringify(folder)};
      const store = new SessionShardStore(folder, 'p');
      (async () => {
        for (let i = 0; ; i++) {
          const version = versions[i % 2];
          await writeJsonAtomic(folder + '/report.json', version.report);
          await writeJsonAtomic(folder + '/report.sarif', version.sarif);
          await store.write(version.shard);
          // Ready once a whole set is written: every kill then lands in a later set, however slow the machine.
          if (i === 0) process.send('ready');
        }
      })();
    `;
    const versions = makeVersions(require.resolve('./session-shard'));
    const store = new SessionShardStore(folder, 'p');
    const shardTexts = versions.map((version) => stableStringify(version.shard, 0));
    const reportTexts = versions.map((version) => stableStringify(version.report));
    const sarifTexts = versions.map((version) => stableStringify(version.sarif));
    let staleTempFiles = 0;
    for (let kill = 0; kill < 50; kill++) {
      const child = spawn(process.execPath, ['-e', writer], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      await new Promise((resolve) => child.once('message', resolve));
      // Spread over a few write cycles; deterministic, so a failure can be replayed.
      await new Promise((resolve) => setTimeout(resolve, (kill * 37) % 150));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;

      const files = readdirSync(folder);
      if (!files.includes('report.json')) continue;
      expect(reportTexts).toContain(readFileSync(join(folder, 'report.json'), 'utf8'));
      if (files.includes('report.sarif')) expect(sarifTexts).toContain(readFileSync(join(folder, 'report.sarif'), 'utf8'));
      if (files.includes('session.json')) {
        expect(shardTexts).toContain(readFileSync(store.path, 'utf8'));
        expect('shard' in (await store.read())).toBe(true);
      }
      staleTempFiles += files.filter((name) => name.endsWith('.tmp')).length;
      await removeStaleTempFiles(folder);
    }
    expect(readdirSync(folder).sort()).toEqual(['report.json', 'report.sarif', 'session.json']);
    // Proof that kills did land mid-write (each leaves a temp file behind).
    expect(staleTempFiles).toBeGreaterThan(0);
  }, 180_000);
});
