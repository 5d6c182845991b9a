import { builtinRules, defineRule, loadConfig, type Rule } from '@nx-enforcer/core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readPolicyOf } from './read-policy';

const workspaceRule = (id: string, reads?: string[]): Rule =>
  defineRule({
    id,
    meta: {
      category: 'errors',
      defaultSeverity: 'error',
      docs: { description: 'd', rationale: 'r' },
      messages: { found: 'found' },
      schema: { type: 'object', additionalProperties: false },
      defaultOptions: {},
      ...(reads ? { reads } : {}),
    },
    create: () => ({}),
  });

describe('readPolicyOf', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'nx-enforcer-read-policy-'));
    writeFileSync(join(workspace, 'enforcer.config.json'), JSON.stringify({ rules: { 'acme/reader': 'error', 'acme/declared': 'error' } }));
    // Refusals are for files that exist: reading a missing one gives nothing either way.
    for (const file of ['apps/api/data.csv', 'libs/shared/src/index.ts', 'tools/data/names.json', 'apps/api/src/generated-dto.ts']) {
      mkdirSync(dirname(join(workspace, file)), { recursive: true });
      writeFileSync(join(workspace, file), 'x');
    }
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  const fileMap = {
    api: [{ file: 'apps/api/src/a.ts' }, { file: 'apps/api/src/dto.ts' }, { file: 'apps/api/data.csv' }],
    shared: [{ file: 'libs/shared/src/index.ts' }],
  };
  const policy = async () => {
    const config = await loadConfig({
      workspaceRoot: workspace,
      rules: [...builtinRules, workspaceRule('acme/reader'), workspaceRule('acme/declared', ['tools/data/*.json'])],
    });
    return readPolicyOf(config, fileMap, 'api', workspace);
  };

  it("should let a workspace rule read the project's own input files and what it declares in meta.reads, nothing else", async () => {
    const canRead = await policy();
    expect(canRead('apps/api/src/dto.ts', 'acme/reader')).toBe(true);
    // Not an input: no rule scans CSV files, so editing it would replay a stale result.
    expect(canRead('apps/api/data.csv', 'acme/reader')).toBe(false);
    expect(canRead('libs/shared/src/index.ts', 'acme/reader')).toBe(false);
    expect(canRead('tools/data/names.json', 'acme/reader')).toBe(false);
    expect(canRead('tools/data/names.json', 'acme/declared')).toBe(true);
  });

  it('should let a built-in rule read any file Nx tracks and the files it declares, never a git-ignored one', async () => {
    const canRead = await policy();
    expect(canRead('libs/shared/src/index.ts', 'nestjs/dto-validated')).toBe(true);
    expect(canRead('tsconfig.base.json', 'nestjs/dto-validated')).toBe(true);
    // Git-ignored: not in Nx's file map, so no input can ever cover it.
    expect(canRead('apps/api/src/generated-dto.ts', 'nestjs/dto-validated')).toBe(false);
  });

  it('should never refuse a path that does not exist', async () => {
    const canRead = await policy();
    expect(canRead('libs/shared/package.json', 'acme/reader')).toBe(true);
    expect(canRead('apps/api/src/main.ts', 'nestjs/mutation-requires-guard')).toBe(true);
  });
});
