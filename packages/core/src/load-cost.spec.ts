import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * TypeScript is most of what an enforce process loads (about 0.4 s, 40 MB), and ajv with a schema
 * compiled at run time about 0.1 s: a task whose files are all reused from its shard must load
 * neither. Everything such a task does before it would parse a file (loading the package, its rules
 * and a config without rule options, reading the path aliases) runs here with both watched, in a
 * fresh module registry.
 */
describe('what loading the engine costs', () => {
  let workspaceRoot: string;

  beforeEach(() => {
    workspaceRoot = mkdtempSync(join(tmpdir(), 'enforcer-load-cost-'));
    writeFileSync(join(workspaceRoot, 'enforcer.config.json'), JSON.stringify({ rules: { 'typescript/no-explicit-any': 'error' } }));
    // JSON with comments, as tsconfig files are written.
    writeFileSync(
      join(workspaceRoot, 'tsconfig.base.json'),
      '{\n  // aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@acme/a": ["libs/a/src/index.ts"] }, },\n}\n',
    );
  });

  afterEach(() => rmSync(workspaceRoot, { recursive: true, force: true }));

  const WATCHED = ['ts-morph', 'ajv/dist/2020'] as const;

  function withModulesWatched(body: (loads: Record<(typeof WATCHED)[number], jest.Mock>) => Promise<void>): Promise<void> {
    const loads = { 'ts-morph': jest.fn(), 'ajv/dist/2020': jest.fn() };
    return new Promise((resolve, reject) => {
      jest.isolateModules(() => {
        for (const name of WATCHED) {
          jest.doMock(name, () => {
            loads[name]();
            return jest.requireActual(name);
          });
        }
        body(loads).then(resolve, reject);
      });
    });
  }

  it('should load the package, its rules and the config, and read path aliases, without loading TypeScript or ajv', () =>
    withModulesWatched(async (loads) => {
      const core = require('./index') as typeof import('./index');
      const internal = require('./internal') as typeof import('./internal');
      const config = await core.loadConfig({ workspaceRoot, rules: core.builtinRules });
      expect(config.mayBeOn('typescript/no-explicit-any')).toBe(true);
      expect(internal.pathAliasesOf(workspaceRoot)).toEqual({ '@acme/a': ['libs/a/src/index.ts'] });
      expect(internal.isCodeFile('libs/a/src/index.ts')).toBe(true);
      expect(loads['ts-morph']).not.toHaveBeenCalled();
      expect(loads['ajv/dist/2020']).not.toHaveBeenCalled();
    }));

  it('should load TypeScript once a code file is analysed, and ajv once a rule has options', () =>
    withModulesWatched(async (loads) => {
      const core = require('./index') as typeof import('./index');
      const rule = core.builtinRules.find((candidate) => candidate.id === 'typescript/no-explicit-any');
      if (!rule || !('create' in rule)) throw new Error('typescript/no-explicit-any is not a per-file rule');
      expect(core.lintWithRule(rule, { code: 'export const value: any = 1;' })).toHaveLength(1);
      expect(loads['ts-morph']).toHaveBeenCalledTimes(1);
      writeFileSync(join(workspaceRoot, 'enforcer.config.json'), JSON.stringify({ rules: { 'security/no-secrets': ['error', { maxLineLength: 200 }] } }));
      await core.loadConfig({ workspaceRoot, rules: core.builtinRules });
      expect(loads['ajv/dist/2020']).toHaveBeenCalledTimes(1);
    }));
});
