import { DEFAULT_SCRIPT_FILES } from '../rules/rule-utils/file-roles';
import { builtinRules } from '../rules';
import noSecrets from '../rules/security/no-secrets';
import { isProjectRule } from '../engine/types';
import { ConfigResolver } from './config-resolver';
import type { ConfigLayer, EnforcerConfigFile } from './types';

const root = (config: EnforcerConfigFile): ConfigLayer => ({ base: '', source: 'enforcer.config.json', config });
const project = (base: string, config: EnforcerConfigFile): ConfigLayer => ({ base, source: `${base}/enforcer.config.json`, config });
/** The severities of the two rules these cases configure (other rules keep their defaults). */
const severities = (resolver: ConfigResolver, file: string) =>
  Object.fromEntries(
    resolver
      .rulesFor(file)
      .filter((active) => ['errors/no-empty-catch', 'logging/no-console'].includes(active.rule.id))
      .map((active) => [active.rule.id, active.severity]),
  );

describe('ConfigResolver', () => {
  it("should use every rule's default severity without config", () => {
    const resolver = new ConfigResolver(builtinRules, []);
    const all = Object.fromEntries(resolver.rulesFor('libs/a/src/index.ts').map((active) => [active.rule.id, active.severity]));
    const forCode = builtinRules.filter((rule) => rule.meta.defaultSeverity !== 'off' && !isProjectRule(rule) && rule.meta.language !== 'python');
    expect(all).toEqual(Object.fromEntries(forCode.map((rule) => [rule.id, rule.meta.defaultSeverity])));
  });

  it('should give code files no rule that checks only other files, and other files only the rules that scan them', () => {
    const resolver = new ConfigResolver(builtinRules, []);
    const ids = (file: string) => resolver.rulesFor(file).map((active) => active.rule.id);
    expect(ids('app/main.ts').some((id) => id.startsWith('python/'))).toBe(false);
    expect(ids('app/main.py').length).toBeGreaterThan(0);
    expect(ids('app/main.py').every((id) => id.startsWith('python/') || id === 'security/no-secrets')).toBe(true);
    // Files with the same rules share one list, so per-list caches stay per configuration, not per file.
    expect(resolver.rulesFor('app/a.ts')).toBe(resolver.rulesFor('app/b.ts'));
    expect(resolver.rulesFor('app/a.py')).toBe(resolver.rulesFor('app/b.py'));
  });

  it('should keep project-scoped rules out of the per-file lists and give them per project root', () => {
    const resolver = new ConfigResolver(builtinRules, [
      root({ rules: { 'project/required-files': ['error', { files: ['README.md'] }] } }),
      project('libs/a', { rules: { 'project/required-files': 'off' } }),
      root({ overrides: [{ files: ['apps/**'], rules: { 'project/forbidden-paths': ['warn', { paths: ['legacy/**'] }] } }] }),
    ]);
    expect(resolver.rulesFor('libs/b/src/x.ts').some((active) => active.rule.meta.scope === 'project')).toBe(false);
    const projectRules = (root: string) => resolver.projectRulesFor(root).map((active) => `${active.rule.id}:${active.severity}`);
    expect(projectRules('libs/b')).toEqual(['project/required-files:error']);
    expect(projectRules('libs/a')).toEqual([]);
    expect(projectRules('apps/shop')).toEqual(['project/forbidden-paths:warn', 'project/required-files:error']);
  });

  it('should let the project config refine the root config', () => {
    const resolver = new ConfigResolver(builtinRules, [
      root({ rules: { 'logging/no-console': 'error', 'errors/no-empty-catch': 'off' } }),
      project('libs/a', { rules: { 'logging/no-console': 'off' } }),
    ]);
    expect(severities(resolver, 'libs/a/src/index.ts')).toEqual({});
    expect(severities(resolver, 'libs/b/src/index.ts')).toEqual({ 'logging/no-console': 'error' });
  });

  it('should merge given options over the rule defaults and keep options when only the severity changes', () => {
    const resolver = new ConfigResolver(builtinRules, [
      root({ rules: { 'logging/no-console': ['warn', { allow: ['error'] }] } }),
      project('libs/a', { rules: { 'logging/no-console': 'error' } }),
    ]);
    const active = resolver.rulesFor('libs/a/src/x.ts').find((rule) => rule.rule.id === 'logging/no-console');
    expect(active).toEqual(
      expect.objectContaining({ severity: 'error', options: { allow: ['error'], logger: '', entryPoints: [...DEFAULT_SCRIPT_FILES], loggerModule: '' } }),
    );
  });

  it("should apply overrides with globs relative to the declaring config's folder", () => {
    const resolver = new ConfigResolver(builtinRules, [
      root({ rules: { 'logging/no-console': 'warn' }, overrides: [{ files: ['**/cli/**'], rules: { 'logging/no-console': 'off' } }] }),
      project('apps/tool', { overrides: [{ files: ['src/main.ts'], excludedFiles: [], rules: { 'errors/no-empty-catch': 'warn' } }] }),
    ]);
    expect(severities(resolver, 'apps/tool/src/main.ts')).toEqual({ 'errors/no-empty-catch': 'warn', 'logging/no-console': 'warn' });
    expect(severities(resolver, 'apps/tool/src/cli/run.ts')).toEqual({ 'errors/no-empty-catch': 'warn' });
    expect(severities(resolver, 'apps/other/src/main.ts')).toEqual({ 'errors/no-empty-catch': 'warn', 'logging/no-console': 'warn' });
  });

  it("should let a project's own rules win over the root config's overrides", () => {
    const resolver = new ConfigResolver(builtinRules, [
      root({ overrides: [{ files: ['**/*.ts'], rules: { 'logging/no-console': 'off' } }] }),
      project('libs/a', { rules: { 'logging/no-console': 'error' } }),
    ]);
    expect(severities(resolver, 'libs/a/src/x.ts')['logging/no-console']).toBe('error');
    expect(severities(resolver, 'libs/b/src/x.ts')['logging/no-console']).toBeUndefined();
  });

  it('should honour excludedFiles in an override', () => {
    const resolver = new ConfigResolver(builtinRules, [
      root({
        rules: { 'logging/no-console': 'warn' },
        overrides: [{ files: ['scripts/**'], excludedFiles: ['scripts/lib/**'], rules: { 'logging/no-console': 'off' } }],
      }),
    ]);
    expect(severities(resolver, 'scripts/run.ts')['logging/no-console']).toBeUndefined();
    expect(severities(resolver, 'scripts/lib/util.ts')['logging/no-console']).toBe('warn');
  });

  it('should ignore default folders and configured globs relative to their config', () => {
    const resolver = new ConfigResolver(builtinRules, [root({ ignores: ['tools/generated/**'] }), project('libs/a', { ignores: ['src/legacy/**'] })]);
    expect(resolver.isIgnored('libs/a/node_modules/x/index.js')).toBe(true);
    // Build output is left out by .gitignore, as Nx does, not by its folder's name.
    expect(resolver.isIgnored('libs/a/dist/index.js')).toBe(false);
    expect(resolver.isIgnored('libs/a/.nx-enforcer/report.json')).toBe(true);
    expect(resolver.isIgnored('tools/generated/api.ts')).toBe(true);
    expect(resolver.isIgnored('libs/a/src/legacy/old.ts')).toBe(true);
    expect(resolver.isIgnored('libs/b/src/legacy/old.ts')).toBe(false);
    expect(resolver.isIgnored('libs/a/src/index.ts')).toBe(false);
  });

  it('should detect test files by default and let the nearest config replace the list', () => {
    expect(new ConfigResolver(builtinRules, []).isTestFile('libs/a/src/x.spec.ts')).toBe(true);
    expect(new ConfigResolver(builtinRules, []).isTestFile('libs/a/src/__tests__/x.ts')).toBe(true);
    expect(new ConfigResolver(builtinRules, []).isTestFile('libs/a/src/x.ts')).toBe(false);
    const custom = new ConfigResolver(builtinRules, [root({}), project('libs/a', { testFiles: ['checks/**'] })]);
    expect(custom.isTestFile('libs/a/checks/x.ts')).toBe(true);
    expect(custom.isTestFile('libs/a/src/x.spec.ts')).toBe(false);
  });

  it('should change the hash when any setting changes, and not for $schema', () => {
    const hash = (config: EnforcerConfigFile) => new ConfigResolver(builtinRules, [root(config)]).hash;
    expect(hash({ rules: {} })).toBe(hash({ rules: {}, $schema: './other.json' }));
    expect(hash({ rules: { 'logging/no-console': 'error' } })).not.toBe(hash({ rules: {} }));
    expect(hash({ ignores: ['a/**'] })).not.toBe(hash({}));
  });

  it('should take each session limit from the nearest config that sets it, defaults otherwise', () => {
    expect(new ConfigResolver(builtinRules, []).sessionLimits).toEqual({ maxViolationsPerFile: 100, maxViolations: 100_000 });
    const layered = new ConfigResolver(builtinRules, [
      root({ session: { maxViolationsPerFile: 5, maxViolations: 50 } }),
      project('a', { session: { maxViolations: 7 } }),
    ]);
    expect(layered.sessionLimits).toEqual({ maxViolationsPerFile: 5, maxViolations: 7 });
  });

  it('should take maxFileSize from the nearest config that sets it', () => {
    expect(new ConfigResolver(builtinRules, []).maxFileSize).toBe(1024 * 1024);
    expect(new ConfigResolver(builtinRules, [root({ maxFileSize: 10 }), project('a', { maxFileSize: 20 })]).maxFileSize).toBe(20);
  });

  it('should list the text files scanned by the rules that may be on, for task inputs', () => {
    const globsOf = (...layers: ConfigLayer[]) => new ConfigResolver(builtinRules, layers).textFileGlobs();
    const secretGlobs = noSecrets.meta.textFiles ?? [];
    const pythonOff = Object.fromEntries(builtinRules.filter((rule) => rule.id.startsWith('python/')).map((rule) => [rule.id, 'off' as const]));
    expect(globsOf()).toEqual(['**/*.py', ...secretGlobs].sort());
    expect(globsOf(root({ rules: { 'security/no-secrets': 'off' } }))).toEqual(['**/*.py']);
    expect(globsOf(root({ rules: { ...pythonOff, 'security/no-secrets': 'off' } }))).toEqual([]);
    expect(
      globsOf(root({ rules: { ...pythonOff, 'security/no-secrets': 'off' } }), project('libs/a', { rules: { 'security/no-secrets': 'warn' } })),
    ).toHaveLength(secretGlobs.length);
    expect(
      globsOf(
        root({ rules: { ...pythonOff, 'security/no-secrets': 'off' }, overrides: [{ files: ['config/**'], rules: { 'security/no-secrets': 'error' } }] }),
      ),
    ).toHaveLength(secretGlobs.length);
  });

  it("should list the files named by rules' file options, only for rules that may be on", () => {
    const filesOf = (...layers: ConfigLayer[]) => new ConfigResolver(builtinRules, layers).optionFiles();
    expect(filesOf()).toEqual([]);
    expect(filesOf(root({ rules: { 'security/tenant-isolation': ['error', { schemaPath: 'prisma/schema.prisma' }] } }))).toEqual(['prisma/schema.prisma']);
    expect(
      filesOf(
        root({
          rules: { 'security/tenant-isolation': ['off', { schemaPath: 'a.prisma' }] },
          overrides: [{ files: ['api/**'], rules: { 'security/tenant-isolation': ['warn', { schemaPath: 'api/b.prisma' }] } }],
        }),
      ),
    ).toEqual(['a.prisma', 'api/b.prisma']);
    expect(filesOf(root({ rules: { 'security/tenant-isolation': ['off', { schemaPath: 'a.prisma' }] } }))).toEqual([]);
  });
});
