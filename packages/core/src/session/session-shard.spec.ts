import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileResult } from '../runner/check-files';
import { buildSessionShard, SessionShardStore } from './session-shard';

const violation = (file: string, ruleId: string, line: number, severity: 'error' | 'warn') => ({
  ruleId,
  severity,
  file,
  line,
  column: 1,
  endLine: line,
  endColumn: 5,
  message: 'm',
  fingerprint: `${ruleId}-${line}`,
});

const results: FileResult[] = [
  { file: 'libs/a/src/z.ts', hash: 'hz', violations: [violation('libs/a/src/z.ts', 'logging/no-console', 3, 'warn'), violation('libs/a/src/z.ts', 'logging/no-console', 1, 'warn')], notices: [] },
  { file: 'libs/a/src/a.ts', hash: 'ha', violations: [violation('libs/a/src/a.ts', 'errors/no-empty-catch', 2, 'error')], notices: [] },
  { file: 'libs/a/src/clean.ts', hash: 'hc', violations: [], notices: [] },
];
const meta = { project: 'a', enforcerVersion: '1.0.0', configHash: 'abc' };

describe('session shard', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'enforcer-shard-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should count exactly per rule and per file, with files and violations sorted', () => {
    const shard = buildSessionShard(results, meta);
    expect(Object.keys(shard.files)).toEqual(['libs/a/src/a.ts', 'libs/a/src/clean.ts', 'libs/a/src/z.ts']);
    expect(shard.files['libs/a/src/z.ts'].violations.map((v) => v[2])).toEqual([1, 3]);
    expect(shard.rules).toEqual({ 'errors/no-empty-catch': { files: 1, violations: 1 }, 'logging/no-console': { files: 1, violations: 2 } });
    expect(shard.totals).toEqual({ files: 3, errors: 1, warnings: 2 });
  });

  it('should write byte-identical files for the same results in any order, and read them back', async () => {
    const store = new SessionShardStore(folder, 'a');
    await store.write(buildSessionShard(results, meta));
    const first = readFileSync(store.path, 'utf8');
    await store.write(buildSessionShard([...results].reverse(), meta));
    expect(readFileSync(store.path, 'utf8')).toBe(first);
    expect(await store.read()).toEqual({ shard: buildSessionShard(results, meta) });
    expect(readdirSync(folder)).toEqual(['session.json']);
  });

  it('should report a missing shard as missing', async () => {
    expect(await new SessionShardStore(folder, 'a').read()).toEqual({ missing: true });
  });

  it.each([
    ['truncated JSON', '{"version":1,"project":"a","fi', 'not valid JSON'],
    ['a future version', JSON.stringify({ version: 99, project: 'a', files: {} }), 'unknown version 99'],
    ['another project', JSON.stringify({ version: 1, project: 'b', files: {} }), 'belongs to project "b"'],
    ['a non-object', '[]', 'unknown version'],
  ])('should set aside %s as .corrupt and say why', async (_label, content, reason) => {
    const store = new SessionShardStore(folder, 'a');
    writeFileSync(store.path, content);
    const result = await store.read();
    expect(result).toEqual({ corrupt: expect.stringContaining(reason), setAsideTo: `${store.path}.corrupt` });
    expect(existsSync(store.path)).toBe(false);
    expect(readFileSync(`${store.path}.corrupt`, 'utf8')).toBe(content);
  });

  it('should refuse to write another project\'s shard', async () => {
    await expect(new SessionShardStore(folder, 'a').write(buildSessionShard(results, { ...meta, project: 'b' }))).rejects.toThrow(/project b/);
  });
});
