import { rootLayer } from '../testing/config-layers';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import { defineRule } from '../engine/define-rule';
import { createWorkspaceView } from '../engine/workspace-view';
import { stableStringify } from '../json/stable-stringify';
import type { SessionShard } from '../session/session-shard';
import { runCheck, type RunCheckOptions } from './run-check';
import type { FileResult } from './file-result';
import { isBlocking } from './run-report';

describe('runCheck', () => {
  let workspace: string;
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-runner-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should check code files, skip ignored and non-code files, and sort the report', async () => {
    write('libs/a/src/b.ts', `console.log('b');\n`);
    write('libs/a/src/a.ts', `// @ts-ignore\nx();\nconsole.info('a');\n`);
    write('libs/a/README.md', 'console.log()');
    write('libs/a/logo.svg', '<svg/>');
    write('libs/a/node_modules/x/out.js', 'console.log()');
    const files = ['libs/a/src/b.ts', 'libs/a/src/a.ts', 'libs/a/README.md', 'libs/a/logo.svg', 'libs/a/node_modules/x/out.js'].map((path) => ({
      path,
      hash: `h-${path}`,
    }));
    const results: FileResult[] = [];
    const { report } = await runCheck({
      workspaceRoot: workspace,
      files,
      config: new ConfigResolver(builtinRules, [rootLayer()]),
      project: 'a',
      onResult: (result) => results.push(result),
    });
    // Markdown is scanned as text (for secrets); code rules never run on it.
    expect(results.map((result) => result.file).sort()).toEqual(['libs/a/README.md', 'libs/a/src/a.ts', 'libs/a/src/b.ts']);
    expect(report.violations.map((v) => `${v.file}:${v.line} ${v.ruleId}`)).toEqual([
      'libs/a/src/a.ts:1 typescript/no-ts-ignore',
      'libs/a/src/a.ts:3 logging/no-console',
      'libs/a/src/b.ts:1 logging/no-console',
    ]);
    expect(report.summary).toEqual({ filesChecked: 3, errors: 1, warnings: 2, newErrors: 1, newWarnings: 2, historical: 0, notices: 0 });
    expect(report.project).toBe('a');
  });

  it('should skip, with a notice naming the file, what cannot be source code, and still check the rest', async () => {
    write('src/ok.ts', `console.log('ok');\n`);
    write('src/binary.js', Buffer.from([0x63, 0x00, 0x6f, 0x6e]));
    write('src/latin1.ts', Buffer.from([0x63, 0x6f, 0x6e, 0xe9, 0x0a]));
    write('src/huge.js', `// ${'x'.repeat(2000)}\n`);
    mkdirSync(join(workspace, 'src/folder.ts'));
    symlinkSync(join(workspace, 'missing-target.ts'), join(workspace, 'src/dangling.ts'));
    const files = ['src/ok.ts', 'src/binary.js', 'src/latin1.ts', 'src/huge.js', 'src/folder.ts', 'src/dangling.ts', 'src/deleted.ts'].map((path) => ({
      path,
    }));
    const config = new ConfigResolver(builtinRules, [rootLayer({ maxFileSize: 1000 })]);
    const { report } = await runCheck({ workspaceRoot: workspace, files, config });
    expect(report.notices.map((notice) => [notice.file, notice.code])).toEqual([
      ['src/binary.js', 'binary'],
      ['src/dangling.ts', 'unreadable'],
      ['src/deleted.ts', 'unreadable'],
      ['src/folder.ts', 'unreadable'],
      ['src/huge.js', 'too-large'],
      ['src/latin1.ts', 'not-utf8'],
    ]);
    expect(report.notices.find((notice) => notice.code === 'too-large')?.message).toBe(
      'src/huge.js is 2004 bytes, over the 1000-byte limit (maxFileSize); skipped',
    );
    // Fail closed: each file that was not checked is also a warning a gate sees, never a silent pass.
    expect(report.violations.map((v) => `${v.file} ${v.ruleId} ${v.severity}`)).toEqual([
      'src/binary.js enforcer/unchecked-file warn',
      'src/dangling.ts enforcer/unchecked-file warn',
      'src/deleted.ts enforcer/unchecked-file warn',
      'src/folder.ts enforcer/unchecked-file warn',
      'src/huge.js enforcer/unchecked-file warn',
      'src/latin1.ts enforcer/unchecked-file warn',
      'src/ok.ts logging/no-console warn',
    ]);
    expect(report.violations.find((v) => v.file === 'src/huge.js')).toEqual(
      expect.objectContaining({
        line: 1,
        column: 1,
        message: 'src/huge.js is 2004 bytes, over the 1000-byte limit (maxFileSize); skipped',
        hint: expect.stringContaining('maxFileSize'),
      }),
    );
  });

  it("should report unchecked files at the configured severity: error blocks, off leaves the notice alone, the project's setting wins", async () => {
    write('libs/a/src/ok.ts', `export const ok = 1;\n`);
    write('libs/a/src/latin1.ts', Buffer.from([0x63, 0x6f, 0x6e, 0xe9, 0x0a]));
    const files = ['libs/a/src/ok.ts', 'libs/a/src/latin1.ts'].map((path) => ({ path }));
    const run = async (root: Record<string, unknown>, project?: Record<string, unknown>) =>
      (
        await runCheck({
          workspaceRoot: workspace,
          files,
          config: new ConfigResolver(builtinRules, [
            rootLayer(root),
            ...(project ? [{ base: 'libs/a', source: 'libs/a/enforcer.config.json', config: project }] : []),
          ]),
        })
      ).report;
    const strict = await run({ uncheckedFiles: 'error' });
    expect(strict.violations.map((v) => [v.file, v.ruleId, v.severity])).toEqual([['libs/a/src/latin1.ts', 'enforcer/unchecked-file', 'error']]);
    expect(isBlocking(strict)).toBe(true);
    const quiet = await run({ uncheckedFiles: 'error' }, { uncheckedFiles: 'off' });
    expect(quiet.violations).toEqual([]);
    expect(quiet.notices.map((notice) => notice.code)).toEqual(['not-utf8']);
    // The fingerprint names the file and the reason only: a baseline holds it until the reason changes.
    const again = await run({ uncheckedFiles: 'error' });
    expect(again.violations[0].fingerprint).toBe(strict.violations[0].fingerprint);
  });

  it("should report a rule that failed on a file as a finding, not only a notice, and keep the other rules' findings", async () => {
    const broken = defineRule<'never', Record<string, never>>({
      id: 'errors/broken-rule',
      meta: {
        category: 'errors',
        defaultSeverity: 'error',
        docs: { description: 'Throws.', rationale: 'A rule with a bug.' },
        messages: { never: 'never' },
        schema: { type: 'object', additionalProperties: false, properties: {} },
        defaultOptions: {},
      },
      create: () => ({
        CallExpression() {
          throw new Error('boom');
        },
      }),
    });
    write('src/a.ts', `console.log(1);\n`);
    const config = new ConfigResolver([...builtinRules, broken], [rootLayer()]);
    const { report } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'src/a.ts' }], config });
    expect(report.notices.map((notice) => notice.code)).toEqual(['rule-error']);
    expect(report.violations.map((v) => `${v.ruleId} ${v.severity}`)).toEqual(['enforcer/unchecked-file warn', 'logging/no-console warn']);
    expect(report.violations[0].message).toContain('errors/broken-rule failed on this file');
  });

  it('should check generated, minified and vendored files for secrets only, with a notice naming each and why', async () => {
    const key = ['AKIA', 'QW7RT2ZX9LKPMN4B'].join('');
    write('apps/web/public/sdk.js', `console.log('vendored sdk');\nconst k = '${key}';\n`);
    write('libs/api/src/generated/client.ts', `// @generated by openapi-generator: DO NOT EDIT\nconsole.log(1);\n`);
    write('libs/ui/src/bundle.js', `console.log(1);${' '.repeat(1200)}\n`);
    write('libs/ui/src/long-line.ts', `export const data = '${'x'.repeat(1200)}';\nconsole.log(data);\n`);
    write('libs/ui/src/own.ts', `console.log('own');\n`);
    const files = ['apps/web/public/sdk.js', 'libs/api/src/generated/client.ts', 'libs/ui/src/bundle.js', 'libs/ui/src/long-line.ts', 'libs/ui/src/own.ts'].map(
      (path) => ({ path }),
    );
    const results: FileResult[] = [];
    const { report } = await runCheck({
      workspaceRoot: workspace,
      files,
      config: new ConfigResolver(builtinRules, [rootLayer()]),
      onResult: (result) => results.push(result),
    });
    // A TypeScript source with a long line is hand-written all the same.
    expect(report.violations.map((v) => `${v.file}:${v.line} ${v.ruleId}`)).toEqual([
      'apps/web/public/sdk.js:2 security/no-secrets',
      'libs/ui/src/long-line.ts:2 logging/no-console',
      'libs/ui/src/own.ts:1 logging/no-console',
    ]);
    expect(report.notices.map((notice) => [notice.file, notice.code])).toEqual([
      ['apps/web/public/sdk.js', 'vendored'],
      ['libs/api/src/generated/client.ts', 'generated'],
      ['libs/ui/src/bundle.js', 'minified'],
    ]);
    expect(report.notices[0].message).toBe('apps/web/public/sdk.js is vendored (copied third-party code): only the security rules checked it.');
    // Only the rules that ran count the file as checked: no-console did not pass it.
    expect(results.find((result) => result.file === 'libs/ui/src/bundle.js')?.rules).toEqual(['security/no-secrets']);
  });

  it('should report a file that does not parse and check the others', async () => {
    // Only files some rule could match are parsed (the keyword pre-check); this one mentions console.
    write('src/broken.ts', 'export const = console;\n');
    write('src/fine.ts', `console.warn('x');\n`);
    const { report } = await runCheck({
      workspaceRoot: workspace,
      files: [{ path: 'src/broken.ts' }, { path: 'src/fine.ts' }],
      config: new ConfigResolver(builtinRules, [rootLayer()]),
    });
    expect(report.violations.map((v) => `${v.file} ${v.ruleId}`)).toEqual(['src/broken.ts parse-error', 'src/fine.ts logging/no-console']);
  });

  it('should strip a byte-order mark so columns match what editors show', async () => {
    write('src/bom.ts', `\ufeffconsole.log('x');\n`);
    const { report } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'src/bom.ts' }], config: new ConfigResolver(builtinRules, [rootLayer()]) });
    expect(report.violations[0]).toMatchObject({ line: 1, column: 1 });
  });

  describe('reuse from the previous session shard', () => {
    const config = new ConfigResolver(builtinRules, [rootLayer()]);
    const run = (hashes: Record<string, string>, previousShard?: SessionShard, extra: Partial<RunCheckOptions> = {}) =>
      runCheck({
        workspaceRoot: workspace,
        files: Object.entries(hashes).map(([path, hash]) => ({ path, hash })),
        config,
        project: 'a',
        previousShard,
        profile: true,
        ...extra,
      });

    beforeEach(() => {
      write('src/one.ts', `console.log('one');\n`);
      write('src/two.ts', `// @ts-ignore\ngo();\n`);
    });

    it('should analyse only files whose hash changed, and give the same report and shard as a cold run', async () => {
      const cold = await run({ 'src/one.ts': 'h1', 'src/two.ts': 'h2' });
      expect(cold.profile?.files).toEqual({ analysed: 2, reused: 0 });
      // The file on disk changes; its Nx hash does not: a reused result must come from the shard, not the disk.
      write('src/one.ts', `export const one = 1;\n`);
      const warm = await run({ 'src/one.ts': 'h1', 'src/two.ts': 'h2' }, cold.shard);
      expect(warm.profile?.files).toEqual({ analysed: 0, reused: 2 });
      expect(warm.report).toEqual(cold.report);
      expect(stableStringify(warm.shard)).toBe(stableStringify(cold.shard));

      const changed = await run({ 'src/one.ts': 'h1-new', 'src/two.ts': 'h2' }, warm.shard);
      expect(changed.profile?.files).toEqual({ analysed: 1, reused: 1 });
      expect(changed.report.violations.map((v) => v.ruleId)).toEqual(['typescript/no-ts-ignore']);
    });

    it('should reuse nothing when the run options or the workspace differ', async () => {
      const cold = await run({ 'src/one.ts': 'h1', 'src/two.ts': 'h2' });
      expect((await run({ 'src/one.ts': 'h1', 'src/two.ts': 'h2' }, cold.shard, { reportUnusedSuppressions: true })).profile?.files.reused).toBe(0);
      const workspaceView = createWorkspaceView({ projects: [{ name: 'a', root: 'src', tags: ['scope:a'] }] });
      expect((await run({ 'src/one.ts': 'h1', 'src/two.ts': 'h2' }, cold.shard, { workspace: workspaceView })).profile?.files.reused).toBe(0);
    });

    it('should profile time per rule and parsing, peak memory and file counts', async () => {
      const { profile } = await run({ 'src/one.ts': 'h1', 'src/two.ts': 'h2' });
      expect(profile?.rules.map((entry) => entry.ruleId)).toEqual(expect.arrayContaining(['(parse)', 'logging/no-console', 'typescript/no-ts-ignore']));
      expect(profile?.peakRssBytes).toBeGreaterThan(profile?.peakHeapBytes ?? Infinity);
      expect(profile?.rules.reduce((sum, entry) => sum + entry.percent, 0)).toBeCloseTo(100, 0);
    });

    it('should carry no profile and no shard unless asked and run for a project', async () => {
      const result = await runCheck({ workspaceRoot: workspace, files: [{ path: 'src/one.ts' }], config });
      expect(result.profile).toBeUndefined();
      expect(result.shard).toBeUndefined();
    });
  });

  describe('rules that read other files', () => {
    it('should analyse a file again when a file its rules read has changed, even if its own hash has not', async () => {
      const tenantRule = builtinRules.find((rule) => rule.id === 'security/tenant-isolation');
      if (!tenantRule) throw new Error('security/tenant-isolation is not registered');
      write('prisma/schema.prisma', 'model Invoice {\n  id String @id\n  tenantId String\n}\n');
      write('api/invoices.ts', 'export const list = () => prisma.invoice.findMany();\n');
      const config = new ConfigResolver(builtinRules, [
        rootLayer({ rules: { 'security/tenant-isolation': ['error', { schemaPath: 'prisma/schema.prisma' }] } }),
      ]);
      const run = (previousShard?: SessionShard) =>
        runCheck({ workspaceRoot: workspace, files: [{ path: 'api/invoices.ts', hash: 'h1' }], config, project: 'api', previousShard, profile: true });
      const cold = await run();
      expect(cold.report.violations.map((v) => v.ruleId)).toEqual(['security/tenant-isolation']);
      expect(cold.shard?.files['api/invoices.ts'].deps).toEqual({ 'prisma/schema.prisma': expect.any(String) });
      const warm = await run(cold.shard);
      expect(warm.profile?.files).toEqual({ analysed: 0, reused: 1 });
      expect(warm.shard).toEqual(cold.shard);
      // The model loses its tenant field: the stored finding no longer holds.
      write('prisma/schema.prisma', 'model Invoice {\n  id String @id\n}\nmodel Customer {\n  id String @id\n  tenantId String\n}\n');
      const after = await run(warm.shard);
      expect(after.profile?.files).toEqual({ analysed: 1, reused: 0 });
      expect(after.report.violations).toEqual([]);
    });
  });

  describe('project rules', () => {
    const config = new ConfigResolver(builtinRules, [
      rootLayer({ rules: { 'project/required-files': ['error', { files: ['README.md'] }], 'project/forbidden-paths': ['error', { paths: ['legacy/**'] }] } }),
    ]);
    const projectInfo = { name: 'a', root: 'libs/a', tags: [] };

    it("should run once over the project's files and place findings on the root or the file", async () => {
      write('libs/a/src/index.ts', 'export const a = 1;\n');
      write('libs/a/legacy/old.ts', 'console.log(1);\n');
      write('libs/a/legacy/logo.png', Buffer.from([0x89, 0x50, 0x00]));
      const files = ['libs/a/src/index.ts', 'libs/a/legacy/old.ts', 'libs/a/legacy/logo.png'].map((path) => ({ path, hash: `h-${path}` }));
      const first = await runCheck({ workspaceRoot: workspace, files, config, project: 'a', projectInfo });
      expect(first.report.violations.map((v) => `${v.file}:${v.line} ${v.ruleId}`)).toEqual([
        'libs/a:1 project/required-files',
        'libs/a/legacy/logo.png:1 project/forbidden-paths',
        'libs/a/legacy/old.ts:1 logging/no-console',
        'libs/a/legacy/old.ts:1 project/forbidden-paths',
      ]);
      // A reused file keeps its own findings; project findings are found again, never doubled.
      const second = await runCheck({ workspaceRoot: workspace, files, config, project: 'a', projectInfo, previousShard: first.shard, profile: true });
      expect(second.profile?.files.reused).toBe(2);
      expect(second.report.violations).toEqual(first.report.violations);
      write('libs/a/README.md', '# a\n');
      const fixed = await runCheck({
        workspaceRoot: workspace,
        files: [...files, { path: 'libs/a/README.md', hash: 'r' }],
        config,
        project: 'a',
        projectInfo,
        previousShard: second.shard,
      });
      expect(fixed.report.violations.map((v) => v.ruleId)).not.toContain('project/required-files');
    });

    it('should not run without a project (the CLI)', async () => {
      write('libs/a/src/index.ts', 'export const a = 1;\n');
      const { report } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'libs/a/src/index.ts' }], config });
      expect(report.violations).toEqual([]);
    });
  });

  describe('a blocking violation after every cap of the session shard', () => {
    // The shard stores one violation in all: the error, last in path and line order, is not stored.
    const config = new ConfigResolver(builtinRules, [rootLayer({ session: { maxViolationsPerFile: 1, maxViolations: 1 } })]);
    const files = [
      { path: 'src/a.ts', hash: 'ha' },
      { path: 'src/b.ts', hash: 'hb' },
    ];
    const run = (previousShard?: SessionShard) => runCheck({ workspaceRoot: workspace, files, config, project: 'a', previousShard, profile: true });

    beforeEach(() => {
      write('src/a.ts', "console.log('x');\n".repeat(5));
      write('src/b.ts', `console.log('y');\nconsole.log('z');\n// @ts-ignore\ngo();\n`);
    });

    it('should block the run, computed on the complete list', async () => {
      const cold = await run();
      expect(cold.shard?.totals).toMatchObject({ violations: 8, errors: 1, stored: 1, more: 7 });
      expect(cold.shard?.files['src/b.ts']).toMatchObject({ violations: [], more: 3 });
      expect(cold.report.violations).toHaveLength(8);
      expect(cold.report.violations.at(-1)).toMatchObject({ file: 'src/b.ts', line: 3, ruleId: 'typescript/no-ts-ignore', severity: 'error', scope: 'new' });
      expect(cold.report.summary).toMatchObject({ newErrors: 1, newWarnings: 7 });
      expect(isBlocking(cold.report)).toBe(true);
    });

    it('should still block on the next run, which does not take a cut list from the shard', async () => {
      const cold = await run();
      const warm = await run(cold.shard);
      expect(warm.profile?.files).toEqual({ analysed: 2, reused: 0 });
      expect(warm.report).toEqual(cold.report);
      expect(isBlocking(warm.report)).toBe(true);
    });
  });
});
