import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { builtinRules } from '../rules';
import { runCheck } from '../runner/run-check';
import { loadConfig } from './load-config';

/** A workspace rule in TypeScript, without imports (defineRule is the identity function). */
const forbiddenCallRule = (id: string, extra = '', category = 'errors') => `
const rule = {
  id: '${id}',
  meta: {
    category: '${category}',
    defaultSeverity: 'error',
    docs: { description: 'No legacyCall().', rationale: 'It is being removed.' },
    messages: { forbidden: 'Do not call legacyCall(): use modernCall() instead.' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context: { report(d: unknown): void }) {
    return {
      CallExpression(node: { expression: { getText(): string } }) {
        if (node.expression.getText() === 'legacyCall') context.report({ node, messageId: 'forbidden' });
      },
    };
  },
};${extra}
export default rule;
`;

describe('workspace rules (rulesDirectory)', () => {
  let workspace: string;
  const write = (path: string, content: string) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  const load = (projectRoot?: string) => loadConfig({ workspaceRoot: workspace, projectRoot, rules: builtinRules });

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-custom-rules-'));
    write('enforcer.config.json', JSON.stringify({ rulesDirectory: 'tools/rules' }));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('should load TypeScript and JavaScript rules, skip specs, and run them like built-in rules', async () => {
    write('tools/rules/no-legacy-call.ts', forbiddenCallRule('acme/no-legacy-call'));
    write('tools/rules/no-legacy-call.spec.ts', 'throw new Error("specs are not rules");');
    write(
      'tools/rules/other.js',
      `module.exports = { id: 'acme/other', meta: { category: 'errors', defaultSeverity: 'error', docs: { description: 'd', rationale: 'r' }, ` +
        `messages: { m: 'No legacyCall: use modernCall.' }, schema: { type: 'object' }, defaultOptions: {} },
        create: (context) => ({ CallExpression: (node) => node.expression.getText() === 'legacyCall' && context.report({ node, messageId: 'm' }) }) };`,
    );
    write('src/a.ts', 'legacyCall();\nmodernCall();\n');
    const config = await load();
    expect(config.rulesDirectory).toBe('tools/rules');
    const { report } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'src/a.ts' }], config });
    expect(report.violations.map((v) => `${v.line}:${v.column} ${v.ruleId} ${v.severity}`)).toEqual(['1:1 acme/no-legacy-call error', '1:1 acme/other error']);
  });

  it("should let the config set a workspace rule's severity", async () => {
    write('tools/rules/no-legacy-call.ts', forbiddenCallRule('acme/no-legacy-call'));
    write('enforcer.config.json', JSON.stringify({ rulesDirectory: 'tools/rules', rules: { 'acme/no-legacy-call': 'warn' } }));
    write('src/a.ts', 'legacyCall();\n');
    const { report } = await runCheck({ workspaceRoot: workspace, files: [{ path: 'src/a.ts' }], config: await load() });
    expect(report.violations.map((v) => v.severity)).toEqual(['warn']);
  });

  it('should accept every category a built-in rule may have', async () => {
    write('tools/rules/no-x.ts', forbiddenCallRule('acme/no-x', '', 'python'));
    write('tools/rules/no-y.ts', forbiddenCallRule('acme/no-y', '', 'nestjs'));
    expect((await load()).rulesDirectory).toBe('tools/rules');
  });

  it("should change the config hash when a rule's source changes", async () => {
    write('tools/rules/no-legacy-call.ts', forbiddenCallRule('acme/no-legacy-call'));
    const before = (await load()).hash;
    write('tools/rules/no-legacy-call.ts', forbiddenCallRule('acme/no-legacy-call', '\nconst unusedHelper = () => 1; void unusedHelper;'));
    expect((await load()).hash).not.toBe(before);
  });

  it.each([
    ['a missing folder', {}, 'rulesDirectory: cannot read the rules folder "tools/rules" (ENOENT)'],
    [
      'an id that does not end with the file name',
      { 'tools/rules/no-legacy-call.ts': forbiddenCallRule('acme/something-else') },
      'tools/rules/no-legacy-call.ts: the rule id "acme/something-else" must end with the file name "no-legacy-call"',
    ],
    [
      'an id taken by a built-in rule',
      { 'tools/rules/no-console.ts': forbiddenCallRule('logging/no-console') },
      'rule id "logging/no-console" is already taken',
    ],
    [
      'a file that does not compile to a rule',
      { 'tools/rules/broken.ts': 'export const notARule = 1;' },
      'tools/rules/broken.ts: the default export is not a rule',
    ],
    ['a file that throws on load', { 'tools/rules/throws.ts': 'throw new Error("boom");' }, 'tools/rules/throws.ts: failed to load: boom'],
    [
      'the category of config patterns',
      { 'tools/rules/no-x.ts': forbiddenCallRule('acme/no-x', '', 'pattern') },
      'meta.category must be one of architecture, dates, errors, logging, nestjs, project, python, security, typescript',
    ],
  ])('should reject %s with the file and the problem', async (_case, files, problem) => {
    for (const [path, content] of Object.entries(files)) write(path, content as string);
    if (Object.keys(files).length > 0 || _case !== 'a missing folder') mkdirSync(join(workspace, 'tools/rules'), { recursive: true });
    await expect(load()).rejects.toThrow(problem);
  });

  it('should refuse a rules folder outside the workspace, also through a link, since Nx cannot hash it as an input', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'enforcer-outside-rules-'));
    try {
      writeFileSync(join(outside, 'no-legacy.ts'), forbiddenCallRule('acme/no-legacy'));
      write('enforcer.config.json', JSON.stringify({ rulesDirectory: relative(workspace, outside) }));
      await expect(load()).rejects.toThrow(/enforcer\.config\.json: rulesDirectory: the rules folder "\.\.\/.*" is outside the workspace/);
      symlinkSync(outside, join(workspace, 'linked-rules'));
      write('enforcer.config.json', JSON.stringify({ rulesDirectory: 'linked-rules' }));
      await expect(load()).rejects.toThrow('the rules folder "linked-rules" is outside the workspace');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('should reject rulesDirectory in a project config', async () => {
    mkdirSync(join(workspace, 'tools/rules'), { recursive: true });
    write('libs/a/enforcer.config.json', JSON.stringify({ rulesDirectory: 'rules' }));
    await expect(load('libs/a')).rejects.toThrow('libs/a/enforcer.config.json: rulesDirectory: the rules folder is set in the root enforcer.config.json only');
  });
});
