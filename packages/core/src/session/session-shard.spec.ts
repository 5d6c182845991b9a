import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Violation } from '../engine/types';
import type { FileResult } from '../runner/check-files';
import { buildSessionShard, reusableViolations, SessionShardStore, type ShardKey } from './session-shard';

const violation = (file: string, ruleId: string, line: number, severity: 'error' | 'warn'): Violation => ({
  ruleId,
  severity,
  file,
  line,
  column: 1,
  endLine: line,
  endColumn: 5,
  message: `m${line}`,
  fingerprint: `${ruleId}-${line}`,
  messageId: 'found',
});

const RULES = ['errors/no-empty-catch', 'logging/no-console'];
const results: FileResult[] = [
  {
    file: 'libs/a/src/z.ts',
    hash: 'hz',
    violations: [violation('libs/a/src/z.ts', 'logging/no-console', 3, 'warn'), violation('libs/a/src/z.ts', 'logging/no-console', 1, 'warn')],
    notices: [],
    rules: RULES,
  },
  {
    file: 'libs/a/src/a.ts',
    hash: 'ha',
    violations: [violation('libs/a/src/a.ts', 'errors/no-empty-catch', 2, 'error'), violation('libs/a/src/a.ts', 'parse-error', 1, 'error')],
    notices: [],
    rules: RULES,
  },
  { file: 'libs/a/src/clean.ts', hash: 'hc', violations: [], notices: [], rules: RULES },
  { file: 'libs/a/README.md', hash: 'hr', violations: [], notices: [], rules: [] },
];
const key: ShardKey = { project: 'a', enforcerVersion: '1.0.0', configHash: 'abc', contextHash: 'ctx' };

describe('session shard', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'enforcer-shard-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should count files checked, passed and failed per rule, with files and violations sorted', () => {
    const shard = buildSessionShard(results, key);
    expect(Object.keys(shard.files)).toEqual(['libs/a/README.md', 'libs/a/src/a.ts', 'libs/a/src/clean.ts', 'libs/a/src/z.ts']);
    expect(shard.files['libs/a/src/z.ts'].violations.map((v) => v[2])).toEqual([1, 3]);
    expect(shard.files['libs/a/src/z.ts'].violations[0]).toEqual(['logging/no-console', 'warn', 1, 1, 1, 5, 'm1', 'logging/no-console-1', 'found']);
    expect(shard.rules).toEqual({
      'errors/no-empty-catch': { checked: 3, passed: 2, failed: 1, violations: 1 },
      'logging/no-console': { checked: 3, passed: 2, failed: 1, violations: 2 },
      // A pseudo-rule counts only the files it fired on.
      'parse-error': { checked: 1, passed: 0, failed: 1, violations: 1 },
    });
    expect(shard.totals).toEqual({ files: 4, errors: 2, warnings: 2, violations: 4, stored: 4, more: 0, notices: 0 });
    expect(shard.files['libs/a/src/a.ts'].more).toBeUndefined();
  });

  it('should cut lists at the limits, record "and N more", and keep every count exact', () => {
    const many = (file: string, count: number): FileResult => ({
      file,
      hash: file,
      violations: Array.from({ length: count }, (_, index) => violation(file, 'logging/no-console', index + 1, 'warn')),
      notices: [],
      rules: ['logging/no-console'],
    });
    const shard = buildSessionShard([many('c.ts', 2), many('a.ts', 5), many('b.ts', 4)], key, { maxViolationsPerFile: 3, maxViolations: 4 });
    expect(shard.files['a.ts'].violations.map((v) => v[2])).toEqual([1, 2, 3]);
    expect(shard.files['a.ts'].more).toBe(2);
    // The shard-wide limit leaves room for one more violation after a.ts.
    expect(shard.files['b.ts'].violations).toHaveLength(1);
    expect(shard.files['b.ts'].more).toBe(3);
    expect(shard.files['c.ts']).toEqual({ hash: 'c.ts', violations: [], more: 2 });
    expect(shard.totals).toEqual({ files: 3, errors: 0, warnings: 11, violations: 11, stored: 4, more: 7, notices: 0 });
    expect(shard.rules['logging/no-console']).toEqual({ checked: 3, passed: 0, failed: 3, violations: 11 });
    expect(shard.limits).toEqual({ maxViolationsPerFile: 3, maxViolations: 4 });
  });

  it("should keep a file's notices with it", () => {
    const shard = buildSessionShard(
      [{ file: 'big.js', hash: 'h', violations: [], notices: [{ file: 'big.js', code: 'too-large', message: 'big.js is too large' }], rules: [] }],
      key,
    );
    expect(shard.files['big.js']).toEqual({ hash: 'h', violations: [], notices: [['too-large', 'big.js is too large']] });
    expect(shard.totals.notices).toBe(1);
  });

  describe('reuse', () => {
    const shard = buildSessionShard(results, key);

    it('should give back the full violations of a file whose hash is unchanged', () => {
      const reuse = reusableViolations(shard, key);
      expect(reuse('libs/a/src/z.ts', 'hz')?.violations).toEqual([
        violation('libs/a/src/z.ts', 'logging/no-console', 1, 'warn'),
        violation('libs/a/src/z.ts', 'logging/no-console', 3, 'warn'),
      ]);
      expect(reuse('libs/a/src/clean.ts', 'hc')).toEqual({ violations: [] });
    });

    it('should give back the message id, hint and data of each violation as they were found', () => {
      const file = 'libs/a/src/data.ts';
      const found = [
        { ...violation(file, 'logging/no-console', 1, 'warn'), data: { method: 'log' } },
        { ...violation(file, 'logging/no-console', 2, 'warn'), hint: 'use the logger', data: { method: 'warn' } },
        { ...violation(file, 'logging/no-console', 3, 'warn'), hint: 'use the logger' },
      ];
      const stored = buildSessionShard([{ file, hash: 'hd', violations: found, notices: [], rules: ['logging/no-console'] }], key);
      expect(stored.files[file].violations.map((compact) => compact.length)).toEqual([11, 11, 10]);
      expect(reusableViolations(JSON.parse(JSON.stringify(stored)), key)(file, 'hd')?.violations).toEqual(found);
    });

    it('should not reuse a changed, unknown or unhashed file', () => {
      const reuse = reusableViolations(shard, key);
      expect(reuse('libs/a/src/z.ts', 'changed')).toBeUndefined();
      expect(reuse('libs/a/src/new.ts', 'hn')).toBeUndefined();
      expect(reuse('libs/a/src/z.ts', undefined)).toBeUndefined();
      expect(reuse('constructor', undefined)).toBeUndefined();
    });

    it.each([
      ['project', 'b'],
      ['enforcerVersion', '2.0.0'],
      ['configHash', 'other'],
      ['contextHash', 'other'],
    ])('should reuse nothing when the %s differs', (field, value) => {
      expect(reusableViolations(shard, { ...key, [field]: value })('libs/a/src/z.ts', 'hz')).toBeUndefined();
    });

    it('should analyse again a file whose stored list was cut, or that has notices', () => {
      const cut = buildSessionShard(results, key, { maxViolationsPerFile: 1, maxViolations: 100 });
      expect(reusableViolations(cut, key)('libs/a/src/z.ts', 'hz')).toBeUndefined();
      const withNotice = buildSessionShard(
        [{ file: 'x.ts', hash: 'h', violations: [], notices: [{ file: 'x.ts', code: 'rule-error', message: 'x' }], rules: [] }],
        key,
      );
      expect(reusableViolations(withNotice, key)('x.ts', 'h')).toBeUndefined();
    });
  });

  it('should store what rules examined with the file and give it back on reuse, so a reused run counts the same', () => {
    const counted = buildSessionShard(
      [{ file: 'a.ts', hash: 'ha', violations: [], notices: [], rules: ['logging/no-console'], coverage: { 'logging/no-console': [3, 0] } }],
      key,
    );
    expect(counted.files['a.ts'].cov).toEqual({ 'logging/no-console': [3, 0] });
    expect(reusableViolations(counted, key)('a.ts', 'ha')).toEqual({ violations: [], coverage: { 'logging/no-console': [3, 0] } });
    // A tampered record is not trusted: the file is analysed again, its counts never made up.
    const tampered = { ...counted, files: { 'a.ts': { ...counted.files['a.ts'], cov: { 'logging/no-console': [-1, 'x'] } } } } as unknown as typeof counted;
    expect(reusableViolations(tampered, key)('a.ts', 'ha')).toBeUndefined();
  });

  describe('reuse of a file whose rules read other files', () => {
    const withDeps = buildSessionShard(
      [
        {
          file: 'api/controller.ts',
          hash: 'hc',
          violations: [],
          notices: [],
          rules: ['nestjs/dto-validated'],
          dependencies: { 'api/dto.ts': 'd1', 'api/gone.ts': '-' },
        },
      ],
      key,
    );

    it('should store the dependencies with the file', () => {
      expect(withDeps.files['api/controller.ts'].deps).toEqual({ 'api/dto.ts': 'd1', 'api/gone.ts': '-' });
    });

    it('should reuse the result only while every dependency holds what it held', () => {
      const digests: Record<string, string> = { 'api/dto.ts': 'd1', 'api/gone.ts': '-' };
      const reuse = reusableViolations(withDeps, key, (path) => digests[path]);
      expect(reuse('api/controller.ts', 'hc')).toEqual({ violations: [], dependencies: { 'api/dto.ts': 'd1', 'api/gone.ts': '-' } });
      digests['api/dto.ts'] = 'd2';
      expect(reuse('api/controller.ts', 'hc')).toBeUndefined();
      digests['api/dto.ts'] = 'd1';
      digests['api/gone.ts'] = 'now-exists';
      expect(reuse('api/controller.ts', 'hc')).toBeUndefined();
    });

    it('should not reuse it when dependencies cannot be checked', () => {
      expect(reusableViolations(withDeps, key)('api/controller.ts', 'hc')).toBeUndefined();
    });
  });

  it('should write byte-identical files for the same results in any order, and read them back', async () => {
    const store = new SessionShardStore(folder, 'a');
    await store.write(buildSessionShard(results, key));
    const first = readFileSync(store.path, 'utf8');
    await store.write(buildSessionShard([...results].reverse(), key));
    expect(readFileSync(store.path, 'utf8')).toBe(first);
    expect(await store.read()).toEqual({ shard: buildSessionShard(results, key) });
    expect(readdirSync(folder)).toEqual(['session.json']);
  });

  it('should report a missing shard as missing', async () => {
    expect(await new SessionShardStore(folder, 'a').read()).toEqual({ missing: true });
  });

  const valid = JSON.stringify(buildSessionShard(results, key));
  it.each([
    ['truncated JSON', valid.slice(0, valid.length / 2), 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
    ['a future version', JSON.stringify({ version: 99, project: 'a', files: {} }), 'unknown version 99'],
    ['the previous version', JSON.stringify({ version: 1, project: 'a', files: {} }), 'unknown version 1'],
    ['another project', JSON.stringify({ ...JSON.parse(valid), project: 'b' }), 'belongs to project "b"'],
    ['a non-object', '[]', 'not a JSON object'],
    ['a malformed file entry', JSON.stringify({ ...JSON.parse(valid), files: { 'x.ts': { violations: [['rule', 'fatal', 1]] } } }), 'malformed entry for x.ts'],
  ])('should set aside %s as .corrupt and say why', async (_label, content, reason) => {
    const store = new SessionShardStore(folder, 'a');
    writeFileSync(store.path, content);
    const result = await store.read();
    expect(result).toEqual({ corrupt: expect.stringContaining(reason), setAsideTo: `${store.path}.corrupt` });
    expect(existsSync(store.path)).toBe(false);
    expect(readFileSync(`${store.path}.corrupt`, 'utf8')).toBe(content);
  });

  it("should refuse to write another project's shard", async () => {
    await expect(new SessionShardStore(folder, 'a').write(buildSessionShard(results, { ...key, project: 'b' }))).rejects.toThrow(/project b/);
  });
});
