import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { createWorkspaceView } from '../engine/workspace-view';
import { builtinRules } from '../rules';
import { stableStringify } from '../json/stable-stringify';
import { checkFiles, filePipelineFor, type CheckFilesOptions, type FileResult } from './check-files';
import { checkInPool } from './check-pool';
import { checkFilesInParallel } from './parallel-check';
import { RunProfiler } from './run-profile';
import { runCheck } from './run-check';

// Worker threads load the engine from its TypeScript source here (swc), about a second each.
jest.setTimeout(60_000);

describe('checking files in worker threads', () => {
  let workspaceRoot: string;
  const files: Array<{ path: string; hash?: string }> = [];

  beforeAll(() => {
    workspaceRoot = mkdtempSync(join(tmpdir(), 'enforcer-parallel-'));
    const rules = { 'logging/no-console': 'error', 'typescript/no-explicit-any': 'error', 'errors/no-empty-catch': 'warn', 'security/no-secrets': 'error' };
    writeFileSync(join(workspaceRoot, 'enforcer.config.json'), JSON.stringify({ rules }));
    writeFileSync(join(workspaceRoot, 'package.json'), JSON.stringify({ name: 'acme', bin: { acme: 'src/cli-07.ts' } }));
    mkdirSync(join(workspaceRoot, 'src'));
    for (let index = 0; index < 40; index++) {
      const name = `src/${index % 10 === 7 ? 'cli' : 'service'}-${String(index).padStart(2, '0')}.ts`;
      const body = [
        `export function run${index}(input: ${index % 3 === 0 ? 'any' : 'string'}): void {`,
        index % 4 === 0 ? '  console.log(input);' : '  void input;',
        index % 5 === 0 ? '  try { JSON.parse(String(input)); } catch {}' : '',
        index % 9 === 0 ? `  const apiKey = 'k9F2mQ7xL4pZ8rT1vB6n${index}';` : '',
        '}',
      ];
      writeFileSync(join(workspaceRoot, name), body.join('\n'));
      files.push({ path: name });
    }
    files.push({ path: 'src/missing.ts' });
  });

  afterAll(() => rmSync(workspaceRoot, { recursive: true, force: true }));

  async function both(extra: Partial<CheckFilesOptions> = {}) {
    const config = await loadConfig({ workspaceRoot, rules: builtinRules });
    const options: CheckFilesOptions = {
      workspaceRoot,
      files,
      config,
      workspace: createWorkspaceView({ projects: [{ name: 'acme', root: '.', tags: [] }] }),
      ...extra,
    };
    const serial = [...checkFiles(options)];
    const profiler = new RunProfiler();
    const parallel = await inParallel({ ...options, profiler, parallel: { workers: 2, minFiles: 5 } });
    return { serial, parallel, profile: profiler.finish() };
  }

  /** What checkFilesInParallel hands out, in the files' order. */
  async function inParallel(options: Parameters<typeof checkFilesInParallel>[0]): Promise<FileResult[]> {
    const byFile = new Map<string, FileResult>();
    await checkFilesInParallel(options, (result) => {
      expect(byFile.has(result.file)).toBe(false);
      byFile.set(result.file, result);
    });
    return files.flatMap((ref) => byFile.get(ref.path) ?? []);
  }

  it('should give the same results as one thread', async () => {
    const { serial, parallel, profile } = await both();
    expect(serial.flatMap((result) => result.violations).length).toBeGreaterThan(20);
    expect(parallel).toEqual(serial);
    expect(profile.files.analysed).toBe(41);
    expect(profile.workers?.threads).toBe(2);
  });

  it('should write the same report and session shard, byte for byte, as a run in one thread', async () => {
    const config = await loadConfig({ workspaceRoot, rules: builtinRules });
    const run = (workers: number) =>
      runCheck({
        workspaceRoot,
        files: files.map((ref) => ({ ...ref, hash: `h-${ref.path}` })),
        config,
        project: 'acme',
        projectInfo: { name: 'acme', root: '.', tags: [] },
        parallel: { workers, minFiles: 5 },
        profile: true,
      });
    const serial = await run(0);
    const parallel = await run(2);
    expect(parallel.profile?.workers?.threads).toBe(2);
    expect(serial.report.summary.warnings + serial.report.summary.errors).toBeGreaterThan(20);
    expect(Object.keys(serial.shard?.files ?? {})).toHaveLength(files.length);
    expect(stableStringify(parallel.report)).toBe(stableStringify(serial.report));
    expect(stableStringify(parallel.shard)).toBe(stableStringify(serial.shard));
  });

  /** The pool with this thread slowed down, so that the workers load and check most files. */
  async function poolWithSlowThread(canRead?: (path: string) => boolean) {
    const config = await loadConfig({ workspaceRoot, rules: builtinRules });
    const options: CheckFilesOptions = { workspaceRoot, files, config, canRead };
    const pipeline = filePipelineFor(options);
    const queued = files.map((ref, index) => ({ index, ref }));
    const checkedHere: number[] = [];
    let checkedInWorkers = 0;
    const results = new Map<string, FileResult>();
    await checkInPool(queued, {
      workers: 2,
      setup: { workspaceRoot, configHash: config.hash, profile: false },
      canRead,
      checkHere: ({ index, ref }) => {
        checkedHere.push(index);
        // Long enough for the workers to load the engine before this thread has done every file.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        return pipeline.check(ref);
      },
      take: (result, inWorker) => {
        results.set(result.file, result);
        checkedInWorkers += inWorker ? 1 : 0;
      },
    });
    return { ordered: files.map(({ path }) => results.get(path)), serial: [...checkFiles(options)], checkedHere, checkedInWorkers };
  }

  it('should have the workers check files as this thread would, when this thread is slow', async () => {
    const { ordered, serial, checkedInWorkers } = await poolWithSlowThread();
    expect(checkedInWorkers).toBeGreaterThan(10);
    expect(ordered).toEqual(serial);
  });

  it('should check a file again in this thread when the read policy refuses a read its rules made in a worker', async () => {
    // Which files read package.json, as one thread checks them with the policy.
    const refusedFor = new Set<string>();
    let checking = '';
    const config = await loadConfig({ workspaceRoot, rules: builtinRules });
    const refuse = (path: string) => {
      if (path === 'package.json') refusedFor.add(checking);
      return path !== 'package.json';
    };
    const recorder = filePipelineFor({ workspaceRoot, config, canRead: refuse });
    for (const ref of files) {
      checking = ref.path;
      recorder.check(ref);
    }
    expect(refusedFor.size).toBeGreaterThan(0);
    const { ordered, serial, checkedHere } = await poolWithSlowThread((path) => path !== 'package.json');
    expect(ordered).toEqual(serial);
    const here = new Set(checkedHere.map((index) => files[index].path));
    expect([...refusedFor].filter((path) => !here.has(path))).toEqual([]);
  });

  it('should check every file in this thread when there are fewer files than pay for a worker', async () => {
    const config = await loadConfig({ workspaceRoot, rules: builtinRules });
    const profiler = new RunProfiler();
    const parallel = await inParallel({ workspaceRoot, files, config, profiler, parallel: { workers: 2, minFiles: 1000 } });
    expect(parallel).toEqual([...checkFiles({ workspaceRoot, files, config })]);
    expect(profiler.finish().workers).toBeUndefined();
  });
});
