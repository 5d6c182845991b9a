import { readJson, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { CODE_RULE_CATEGORIES, lintWithRule, type FileRule } from '@nx-enforcer/core';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES_DIRECTORY, ruleGenerator } from './rule';

describe('rule generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('should scaffold the rule and its spec into the default rules folder', async () => {
    await ruleGenerator(tree, { name: 'no-legacy-api', skipFormat: true });

    const rule = tree.read(`${DEFAULT_RULES_DIRECTORY}/no-legacy-api.ts`, 'utf-8') ?? '';
    const spec = tree.read(`${DEFAULT_RULES_DIRECTORY}/no-legacy-api.spec.ts`, 'utf-8') ?? '';
    expect(rule).toContain("id: 'local/no-legacy-api'");
    expect(rule).toContain("category: 'errors'");
    expect(rule).toMatch(/\n {4}hints: \{\n {6}forbiddenCall: '/);
    expect(spec).toContain("import rule from './no-legacy-api';");
    expect(spec).toContain('new RuleTester({ describe, it })');
  });

  it('should offer exactly the categories the engine accepts for a workspace rule', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'schema.json'), 'utf8')) as { properties: { category: { enum: string[] } } };
    expect(schema.properties.category.enum).toEqual(CODE_RULE_CATEGORIES);
  });

  it('should register the folder and turn the rule on in the root config, creating the config if needed', async () => {
    await ruleGenerator(tree, { name: 'no-legacy-api', scope: 'acme', skipFormat: true });

    expect(readJson(tree, 'enforcer.config.json')).toEqual({
      $schema: './node_modules/@nx-enforcer/core/schema/enforcer.schema.json',
      rulesDirectory: DEFAULT_RULES_DIRECTORY,
      rules: { 'acme/no-legacy-api': 'warn' },
    });
  });

  it('should use the folder the config already names and keep existing settings', async () => {
    writeJson(tree, 'enforcer.config.json', { rulesDirectory: 'policies', rules: { 'logging/no-console': 'error' } });

    await ruleGenerator(tree, { name: 'no-x', category: 'security', skipFormat: true });

    expect(tree.exists('policies/no-x.ts')).toBe(true);
    expect(tree.read('policies/no-x.ts', 'utf-8')).toContain("category: 'security'");
    expect(readJson(tree, 'enforcer.config.json').rules).toEqual({ 'logging/no-console': 'error', 'local/no-x': 'warn' });
  });

  it('should refuse a second rules folder and an existing rule', async () => {
    writeJson(tree, 'enforcer.config.json', { rulesDirectory: 'policies' });
    await expect(ruleGenerator(tree, { name: 'no-x', directory: 'elsewhere', skipFormat: true })).rejects.toThrow('already loads rules from "policies"');
    await ruleGenerator(tree, { name: 'no-x', skipFormat: true });
    await expect(ruleGenerator(tree, { name: 'no-x', skipFormat: true })).rejects.toThrow('policies/no-x.ts already exists.');
  });

  it('should generate a rule that works: it flags the listed calls and nothing else', async () => {
    await ruleGenerator(tree, { name: 'no-legacy-api', skipFormat: true });
    // Load the generated source through the test's module system (which resolves @nx-enforcer/core).
    const folder = join(__dirname, '__generated__');
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(join(folder, 'no-legacy-api.ts'), tree.read(`${DEFAULT_RULES_DIRECTORY}/no-legacy-api.ts`, 'utf-8') ?? '');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const rule = (require(join(folder, 'no-legacy-api.ts')) as { default: FileRule }).default;
      expect(lintWithRule(rule, { code: 'deprecatedApi();\nallowedApi();' }).map((v) => `${v.line}:${v.column} ${v.ruleId}`)).toEqual([
        '1:1 local/no-legacy-api',
      ]);
      expect(lintWithRule(rule, { code: "const s = 'deprecatedApi()';" })).toEqual([]);
      expect(lintWithRule(rule, { code: 'deprecatedApi();' }).map((v) => v.hint)).toEqual([
        'Replace deprecatedApi() with the function that supersedes it (name it here), or delete the call.',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
