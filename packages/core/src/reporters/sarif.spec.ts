import type { ConfigLayer } from '../config/types';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import noEmptyCatch from '../rules/errors/no-empty-catch';
import { runCheck } from '../runner/run-check';
import { formatSarif, SARIF_FINGERPRINT_KEY } from './sarif';

/** Rules these tests need, whatever their default severity (both are off or warn by default). */
const RULES_ON: ConfigLayer[] = [
  {
    base: '',
    source: 'enforcer.config.json',
    config: { rules: { 'logging/no-console': 'warn', 'errors/unhandled-risky-call': 'warn', 'errors/no-empty-catch': 'error' } },
  },
];

// The official SARIF 2.1.0 schema (draft-04), as published with Microsoft's SARIF tooling.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

describe('SARIF reporter', () => {
  let workspace: string;
  const write = (path: string, content: string) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'enforcer-sarif-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  async function sarifFor(files: Record<string, string>) {
    for (const [path, content] of Object.entries(files)) write(path, content);
    const config = new ConfigResolver(builtinRules, RULES_ON);
    const { report } = await runCheck({ workspaceRoot: workspace, files: Object.keys(files).map((path) => ({ path })), config });
    return { text: formatSarif(report, config.rules), report };
  }

  it('should produce a log that is valid against the official SARIF 2.1.0 schema', async () => {
    const { text } = await sarifFor({
      'src/app.ts': `console.log('x');\ntry { go(); } catch {}\n`,
      'src/broken.ts': 'const = console;\n',
      'config/my file ü.yaml': `token: ${['k9F2', 'xQ7mB4vR8zL1pW6t'].join('')}\n`,
    });
    const log = JSON.parse(text);
    expect(validateSarif(log)).toBe(true);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual([
      'security/no-secrets',
      'logging/no-console',
      'errors/no-empty-catch',
      'parse-error',
    ]);
  });

  it('should describe the rules with help text and link every result to its rule', async () => {
    const log = JSON.parse((await sarifFor({ 'src/app.ts': `console.log('x');\ntry { go(); } catch {}\n` })).text);
    const { rules } = log.runs[0].tool.driver;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual(['errors/no-empty-catch', 'logging/no-console']);
    // Its default is off; the run's config turned it on.
    expect(rules[1]).toMatchObject({
      defaultConfiguration: { level: 'none' },
      properties: { category: 'logging' },
      help: { text: expect.stringContaining('Console output has no levels') },
    });
    for (const result of log.runs[0].results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('should give each result its hint as a property and each rule its hints per message as help, without fixes', async () => {
    const { text, report } = await sarifFor({ 'src/app.ts': `const data = JSON.parse(text);\ntry { go(); } catch {}\n` });
    const log = JSON.parse(text);
    expect(validateSarif(log)).toBe(true);
    const { results, tool } = log.runs[0];
    expect(results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['errors/unhandled-risky-call', 'errors/no-empty-catch']);
    for (const [index, result] of results.entries()) {
      expect(result.message.text).toBe(report.violations[index].message);
      expect(result.properties.hint).toBe(report.violations[index].hint);
    }
    expect(results[0].properties.hint).toMatch(/^Wrap the JSON\.parse\(\) call in `try \{/);

    const riskyCall = tool.driver.rules.find((rule: { id: string }) => rule.id === 'errors/unhandled-risky-call');
    expect(riskyCall.help.text).toContain('\n\nHow to fix:\n- <call>() can throw and is not inside a try block');
    expect(riskyCall.help.text).toContain('\n  Wrap the <call>() call in `try { … } catch (error) { … }`');
    expect(riskyCall.help.text).toContain('\n  Write `try { await <call>(…) } catch (error) { … }`');
    // Outside code spans the placeholder is escaped, or Markdown would take it for an HTML tag.
    expect(riskyCall.help.markdown).toContain('**How to fix**\n\n- \\<call\\>() can throw');
    expect(riskyCall.help.markdown).toContain('  - Fix: Wrap the \\<call\\>() call in `try { … } catch (error) { … }`');
    expect(riskyCall.help.markdown).toContain('  - Fix: Write `try { await <call>(…) } catch (error) { … }`');
    expect(text).not.toContain('"fixes"');
  });

  it('should leave the help of a rule without hints as its documentation', async () => {
    const config = new ConfigResolver(builtinRules, RULES_ON);
    const { report } = await sarifFor({ 'src/app.ts': `try { go(); } catch {}\n` });
    const bare = config.rules.map((rule) => (rule.id === noEmptyCatch.id ? { ...noEmptyCatch, meta: { ...noEmptyCatch.meta, hints: undefined } } : rule));
    const [descriptor] = JSON.parse(formatSarif(report, bare)).runs[0].tool.driver.rules;
    expect(descriptor.help.text).not.toContain('How to fix');
    expect(descriptor.help.markdown).toMatch(/^\*\*errors\/no-empty-catch\*\*: Disallow [^\n]+$/);
  });

  it('should give relative locations under %SRCROOT% and our fingerprints, and no machine paths', async () => {
    const { text } = await sarifFor({ 'src/app.ts': `console.log('x');\n` });
    const [result] = JSON.parse(text).runs[0].results;
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 12 },
    });
    expect(result.partialFingerprints[SARIF_FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{20}$/);
    expect(text).not.toContain(workspace);
  });

  it('should mark baseline violations as unchanged and the others as new', async () => {
    write('src/app.ts', `console.log('x');\n`);
    const config = new ConfigResolver(builtinRules, RULES_ON);
    const files = [{ path: 'src/app.ts' }];
    await runCheck({ workspaceRoot: workspace, files, config, baselineFile: 'baseline.json', updateBaseline: true });
    write('src/app.ts', `console.log('x');\nconsole.log('y');\n`);
    const { report } = await runCheck({ workspaceRoot: workspace, files, config, baselineFile: 'baseline.json' });
    const results = JSON.parse(formatSarif(report, config.rules)).runs[0].results;
    expect(results.map((result: { baselineState: string }) => result.baselineState)).toEqual(['unchanged', 'new']);
  });

  it('should never hold a secret in full', async () => {
    const secret = ['k9F2', 'xQ7mB4vR8zL1pW6t'].join('');
    const { text } = await sarifFor({ '.env': `API_TOKEN=${secret}\n` });
    expect(text).toContain('k9F2…');
    expect(text).not.toContain(secret);
  });
});
