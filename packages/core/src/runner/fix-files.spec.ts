import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';
import { ConfigResolver } from '../config/config-resolver';
import type { EnforcerConfigFile } from '../config/types';
import { defineRule } from '../engine/define-rule';
import type { Rule, RuleFixer } from '../engine/types';
import { builtinRules } from '../rules';
import { fixFiles, type FixFilesOptions } from './fix-files';
import { SourceReader } from './read-source';

/** Renames calls of `oldApi` to `newApi` (a safe fix), or of `legacyApi` to `modernApi` (a suggestion). */
const renameCalls = defineRule<'renamed' | 'useModern', Record<string, never>>({
  id: 'typescript/test-rename',
  meta: {
    category: 'typescript',
    defaultSeverity: 'error',
    docs: { description: 'test rule', rationale: 'exercises safe fixes and suggestions' },
    messages: { renamed: 'Call {{to}} instead: {{from}} is gone.', useModern: 'Call modernApi.' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    fixable: 'safe',
    hasSuggestions: true,
  },
  create(context) {
    const renames: Record<string, { to: string; kind: 'safe' | 'suggestion' }> = {
      oldApi: { to: 'newApi', kind: 'safe' },
      legacyApi: { to: 'modernApi', kind: 'suggestion' },
    };
    return {
      CallExpression(node) {
        const callee = node.expression;
        if (!ts.isIdentifier(callee) || !(callee.text in renames)) return;
        const { to, kind } = renames[callee.text];
        const fix = (fixer: RuleFixer) => fixer.replaceText(callee, to);
        const data = { from: callee.text, to };
        context.report(
          kind === 'safe'
            ? { node: callee, messageId: 'renamed', data, fix }
            : { node: callee, messageId: 'renamed', data, suggest: [{ messageId: 'useModern', fix }] },
        );
      },
    };
  },
});

/** Rewrites a whole `wrap(…)` call to `unwrap(…)`: nested calls give overlapping fixes. */
const unwrapCalls = defineRule<'wrapped', Record<string, never>>({
  id: 'typescript/test-unwrap',
  meta: {
    category: 'typescript',
    defaultSeverity: 'error',
    docs: { description: 'test rule', rationale: 'exercises overlapping fixes' },
    messages: { wrapped: 'Do not wrap: call unwrap.' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    fixable: 'safe',
  },
  create(context) {
    return {
      CallExpression(node) {
        if (!ts.isIdentifier(node.expression) || node.expression.text !== 'wrap') return;
        const text = context.text.slice(node.getStart(context.sourceFile), node.getEnd()).replace(/^wrap/, 'unwrap');
        context.report({ node, messageId: 'wrapped', fix: (fixer) => fixer.replaceText(node, text) });
      },
    };
  },
});

/** Offers a "fix" that drops the closing parenthesis of `fragile(…)`: its result never parses. */
const breakSyntax = defineRule<'fragile', Record<string, never>>({
  id: 'typescript/test-break',
  meta: {
    category: 'typescript',
    defaultSeverity: 'error',
    docs: { description: 'test rule', rationale: 'exercises the refusal of a fix that breaks the file' },
    messages: { fragile: 'Fragile call: this fix breaks it.' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    fixable: 'safe',
  },
  create(context) {
    return {
      CallExpression(node) {
        if (!ts.isIdentifier(node.expression) || node.expression.text !== 'fragile') return;
        context.report({ node, messageId: 'fragile', fix: (fixer) => fixer.remove([node.getEnd() - 1, node.getEnd()]) });
      },
    };
  },
});

/** Replaces `unsafeEval(…)` with `Function(…)`: correct for the finding, but it may change behaviour. */
const riskyRewrite = defineRule<'risky', Record<string, never>>({
  id: 'typescript/test-risky',
  meta: {
    category: 'typescript',
    defaultSeverity: 'error',
    docs: { description: 'test rule', rationale: 'exercises dangerous fixes' },
    messages: { risky: 'unsafeEval is going away.' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    fixable: 'dangerous',
  },
  create(context) {
    return {
      CallExpression(node) {
        if (ts.isIdentifier(node.expression) && node.expression.text === 'unsafeEval')
          context.report({ node: node.expression, messageId: 'risky', fix: (fixer) => fixer.replaceText(node.expression, 'Function') });
      },
    };
  },
});
const testRules: Rule[] = [renameCalls, unwrapCalls, breakSyntax, riskyRewrite];

describe('fixFiles', () => {
  let root: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const run = (files: string[], options: Partial<Omit<FixFilesOptions, 'config'>> & { rules?: readonly Rule[]; configFile?: EnforcerConfigFile } = {}) => {
    const { rules = testRules, configFile = {}, ...rest } = options;
    return fixFiles({
      workspaceRoot: root,
      files: files.map((path) => ({ path })),
      config: new ConfigResolver(rules, [{ base: '', source: 'enforcer.config.json', config: configFile }]),
      fixType: 'safe',
      ...rest,
    });
  };

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'enforcer-fix-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should apply safe fixes, write the file, and report what was fixed and what remains', async () => {
    write('src/a.ts', 'export const a = oldApi(1) + legacyApi(2);\n');
    write('src/clean.ts', 'export const clean = 1;\n');

    const result = await run(['src/a.ts', 'src/clean.ts']);

    expect(read('src/a.ts')).toBe('export const a = newApi(1) + legacyApi(2);\n');
    expect(result.files).toEqual([
      {
        file: 'src/a.ts',
        applied: [expect.objectContaining({ ruleId: 'typescript/test-rename', line: 1, column: 18, message: 'Call newApi instead: oldApi is gone.' })],
        skipped: [],
        refused: [],
        remaining: [expect.objectContaining({ ruleId: 'typescript/test-rename', message: 'Call modernApi instead: legacyApi is gone.' })],
      },
    ]);
    expect(result.report.summary).toMatchObject({ filesChecked: 2, errors: 1, newErrors: 1 });
    expect(result.report.violations.map((violation) => violation.column)).toEqual([30]);
  });

  it('should lose nothing: a file edited while it was fixed, or read-only, is left as it is, and the fixes are refused with why', async () => {
    write('src/edited.ts', 'export const a = oldApi(1);\n');
    write('src/locked.ts', 'export const b = oldApi(2);\n');
    chmodSync(join(root, 'src/locked.ts'), 0o444);
    // An editor saves src/edited.ts right after the fixer read it.
    const original = SourceReader.prototype.read;
    const spy = jest.spyOn(SourceReader.prototype, 'read').mockImplementation(function (this: SourceReader, path: string) {
      const outcome = original.call(this, path);
      if (path.endsWith('edited.ts')) writeFileSync(path, 'export const a = oldApi(1); // saved meanwhile\n');
      return outcome;
    });
    try {
      const result = await run(['src/edited.ts', 'src/locked.ts']);
      expect(read('src/edited.ts')).toBe('export const a = oldApi(1); // saved meanwhile\n');
      expect(read('src/locked.ts')).toBe('export const b = oldApi(2);\n');
      expect(result.files.map((file) => [file.file, file.applied.length, file.refused.map((refusal) => refusal.reason)])).toEqual([
        ['src/edited.ts', 0, ['src/edited.ts changed on disk while it was being fixed; its fixes were not written']],
        ['src/locked.ts', 0, ['src/locked.ts is read-only; its fixes were not written']],
      ]);
    } finally {
      spy.mockRestore();
      chmodSync(join(root, 'src/locked.ts'), 0o644);
    }
  });

  it("should remove the temp files a killed earlier fix left beside a source, and keep a live writer's", async () => {
    write('src/a.ts', 'export const a = oldApi(1);\n');
    write('src/a.ts.99999999.0badf00d.tmp', 'half a file');
    write(`src/b.ts.${process.pid}.0badf00d.tmp`, 'being written');
    await run(['src/a.ts']);
    expect(read('src/a.ts')).toBe('export const a = newApi(1);\n');
    expect(existsSync(join(root, 'src/a.ts.99999999.0badf00d.tmp'))).toBe(false);
    expect(existsSync(join(root, `src/b.ts.${process.pid}.0badf00d.tmp`))).toBe(true);
  });

  it('should leave generated and vendored code alone, as the check does, and say why', async () => {
    const original = '// @generated by a client generator: DO NOT EDIT\nexport const a = oldApi(1);\n';
    write('src/generated/client.ts', original);

    const result = await run(['src/generated/client.ts']);

    expect(read('src/generated/client.ts')).toBe(original);
    expect(result.report.violations).toEqual([]);
    expect(result.report.notices.map((notice) => [notice.file, notice.code])).toEqual([['src/generated/client.ts', 'generated']]);
  });

  it('should apply suggestions too with the suggestion fix type', async () => {
    write('src/a.ts', 'export const a = oldApi(1) + legacyApi(2);\n');

    const result = await run(['src/a.ts'], { fixType: 'suggestion' });

    expect(read('src/a.ts')).toBe('export const a = newApi(1) + modernApi(2);\n');
    expect(result.files[0].applied.map((violation) => violation.message)).toEqual([
      'Call newApi instead: oldApi is gone.',
      'Call modernApi instead: legacyApi is gone.',
    ]);
    expect(result.report.summary.errors).toBe(0);
  });

  it('should be idempotent: a second run over its output changes nothing and offers nothing', async () => {
    write('src/a.ts', 'export const a = oldApi(wrap(wrap(1)));\n');
    write('src/b.ts', 'export const b = legacyApi(2);\n');
    const first = await run(['src/a.ts', 'src/b.ts'], { fixType: 'suggestion' });
    const written = { a: read('src/a.ts'), b: read('src/b.ts') };
    const modified = statSync(join(root, 'src/a.ts')).mtimeMs;

    const second = await run(['src/a.ts', 'src/b.ts'], { fixType: 'suggestion' });

    expect(written).toEqual({ a: 'export const a = newApi(unwrap(unwrap(1)));\n', b: 'export const b = modernApi(2);\n' });
    expect(first.files.map((file) => file.applied.length)).toEqual([3, 1]);
    expect(second.files).toEqual([]);
    expect({ a: read('src/a.ts'), b: read('src/b.ts') }).toEqual(written);
    expect(statSync(join(root, 'src/a.ts')).mtimeMs).toBe(modified);
    expect(second.report).toEqual(first.report);
  });

  it('should apply a dangerous fix only when asked for by name, and never a suggestion then', async () => {
    const source = 'export const a = unsafeEval(legacyApi(oldApi(1)));\n';
    write('src/a.ts', source);
    await run(['src/a.ts'], { fixType: 'suggestion' });
    expect(read('src/a.ts')).toBe('export const a = unsafeEval(modernApi(newApi(1)));\n');
    write('src/a.ts', source);
    const dangerous = await run(['src/a.ts'], { fixType: 'dangerous' });
    expect(read('src/a.ts')).toBe('export const a = Function(legacyApi(newApi(1)));\n');
    expect(dangerous.files[0].applied.map((violation) => violation.ruleId).sort()).toEqual(['typescript/test-rename', 'typescript/test-risky']);
  });

  it('should apply fixes that overlapped an earlier one in a further round, on the text the first produced', async () => {
    write('src/a.ts', 'export const a = wrap(wrap(wrap(1)));\n');

    const result = await run(['src/a.ts']);

    expect(read('src/a.ts')).toBe('export const a = unwrap(unwrap(unwrap(1)));\n');
    expect(result.files[0]).toMatchObject({ skipped: [], remaining: [] });
    expect(result.files[0].applied).toHaveLength(3);
  });

  it('should refuse a fix that breaks the syntax: the file is untouched, the refusal names the file and the error', async () => {
    const original = 'export const a = fragile(1);\n';
    write('src/a.ts', original);

    const result = await run(['src/a.ts']);

    expect(read('src/a.ts')).toBe(original);
    expect(result.files).toEqual([
      {
        file: 'src/a.ts',
        applied: [],
        skipped: [],
        refused: [
          {
            violation: expect.objectContaining({ ruleId: 'typescript/test-break', line: 1 }),
            reason: "src/a.ts: not fixed, the result would not parse: 1:27 ')' expected.",
          },
        ],
        remaining: [expect.objectContaining({ ruleId: 'typescript/test-break' })],
      },
    ]);
    expect(result.report.summary.newErrors).toBe(1);
  });

  it('should refuse only the fix that breaks the file and apply the others', async () => {
    write('src/b.ts', 'export const b = fragile(oldApi(2));\nexport const c = oldApi(3);\n');

    const result = await run(['src/b.ts']);

    expect(read('src/b.ts')).toBe('export const b = fragile(newApi(2));\nexport const c = newApi(3);\n');
    expect(result.files[0].applied.map((violation) => violation.ruleId)).toEqual(['typescript/test-rename', 'typescript/test-rename']);
    expect(result.files[0].refused).toEqual([
      {
        violation: expect.objectContaining({ ruleId: 'typescript/test-break' }),
        reason: expect.stringMatching(/^src\/b\.ts: not fixed, the result would not parse: 1:\d+ '\)' expected\.$/),
      },
    ]);
    expect(result.files[0].remaining.map((violation) => violation.ruleId)).toEqual(['typescript/test-break']);
  });

  it("should refuse a fix that trades its finding for another rule's, and apply the others", async () => {
    /** Reports every `newApi(…)` call in `legacy/` files: renaming into it there only moves the problem. */
    const banNewApi = defineRule<'banned', Record<string, never>>({
      id: 'typescript/test-ban-new',
      meta: {
        category: 'typescript',
        defaultSeverity: 'error',
        docs: { description: 'test rule', rationale: 'a rule a fix can trip' },
        messages: { banned: 'newApi is not allowed here.' },
        schema: { type: 'object', additionalProperties: false, properties: {} },
        defaultOptions: {},
      },
      create(context) {
        return {
          CallExpression(node) {
            if (context.file.startsWith('legacy/') && ts.isIdentifier(node.expression) && node.expression.text === 'newApi')
              context.report({ node, messageId: 'banned' });
          },
        };
      },
    });
    write('legacy/a.ts', 'export const a = oldApi(1);\nexport const b = wrap(2);\n');
    write('src/a.ts', 'export const a = oldApi(1);\n');

    const result = await run(['legacy/a.ts', 'src/a.ts'], { rules: [...testRules, banNewApi] });

    expect(read('legacy/a.ts')).toBe('export const a = oldApi(1);\nexport const b = unwrap(2);\n');
    expect(read('src/a.ts')).toBe('export const a = newApi(1);\n');
    const legacy = result.files.find((file) => file.file === 'legacy/a.ts');
    expect(legacy?.applied.map((violation) => violation.ruleId)).toEqual(['typescript/test-unwrap']);
    expect(legacy?.refused).toEqual([
      { violation: expect.objectContaining({ ruleId: 'typescript/test-rename' }), reason: 'the fix would add typescript/test-ban-new findings' },
    ]);

    // Past 50 fixes in a round, trying each alone would cost an analysis each: the round is refused whole.
    write('legacy/many.ts', Array.from({ length: 51 }, (_, index) => `export const a${index} = oldApi(${index});\n`).join(''));
    const many = await run(['legacy/many.ts'], { rules: [...testRules, banNewApi] });
    expect(read('legacy/many.ts')).not.toContain('newApi');
    expect(new Set(many.files[0].refused.map((refusal) => refusal.reason))).toEqual(new Set(['the fixes together would add typescript/test-ban-new findings']));
    expect(many.files[0].refused).toHaveLength(51);
  });

  it('should keep a byte-order mark, the file mode, and a symbolic link a link', async () => {
    write('src/bom.ts', '\ufeffexport const a = oldApi(1);\n');
    write('bin/run.js', '#!/usr/bin/env node\noldApi();\n');
    chmodSync(join(root, 'bin/run.js'), 0o755);
    write('shared/real.ts', 'oldApi(2);\n');
    symlinkSync(join(root, 'shared/real.ts'), join(root, 'src/link.ts'));

    await run(['src/bom.ts', 'bin/run.js', 'src/link.ts']);

    expect(readFileSync(join(root, 'src/bom.ts'))).toEqual(Buffer.from('\ufeffexport const a = newApi(1);\n'));
    expect(read('bin/run.js')).toBe('#!/usr/bin/env node\nnewApi();\n');
    expect(statSync(join(root, 'bin/run.js')).mode & 0o777).toBe(0o755);
    expect(lstatSync(join(root, 'src/link.ts')).isSymbolicLink()).toBe(true);
    expect(read('shared/real.ts')).toBe('newApi(2);\n');
  });

  it('should classify what remains against the baseline, which it only reads', async () => {
    write('src/a.ts', 'export const a = legacyApi(1);\n');
    const checked = await run(['src/a.ts']);
    const baseline = {
      version: 1,
      violations: checked.report.violations.map(({ ruleId, file, fingerprint, message }) => ({ ruleId, file, fingerprint, message })),
    };
    write('enforcer.baseline.json', JSON.stringify(baseline));

    const result = await run(['src/a.ts'], { baselineFile: 'enforcer.baseline.json' });

    expect(result.report.summary).toMatchObject({ errors: 1, newErrors: 0, historical: 1 });
    expect(JSON.parse(read('enforcer.baseline.json'))).toEqual(baseline);
  });

  it('should report a file it cannot read as a notice, and skip ignored and unchecked files', async () => {
    write('src/binary.ts', 'oldApi(\0);\n');
    write('.nx-enforcer/out.ts', 'oldApi(1);\n');
    write('notes.txt', 'oldApi(1)\n');

    const result = await run(['src/binary.ts', '.nx-enforcer/out.ts', 'notes.txt']);

    expect(result.report.notices).toEqual([expect.objectContaining({ file: 'src/binary.ts', code: 'binary' })]);
    expect(result.report.summary.filesChecked).toBe(1);
    expect(read('.nx-enforcer/out.ts')).toBe('oldApi(1);\n');
  });

  it('should run the project rules once over the file list, as a check run does', async () => {
    write('libs/a/src/index.ts', 'export const a = oldApi(1);\n');

    const result = await run(['libs/a/src/index.ts'], {
      rules: [...testRules, ...builtinRules.filter((rule) => rule.id === 'project/required-files')],
      configFile: { rules: { 'project/required-files': ['error', { files: ['README.md'] }] } },
      projectInfo: { name: 'a', root: 'libs/a', tags: [] },
    });

    expect(read('libs/a/src/index.ts')).toBe('export const a = newApi(1);\n');
    expect(result.report.violations.map((violation) => `${violation.file} ${violation.ruleId}`)).toEqual(['libs/a project/required-files']);
  });
});
