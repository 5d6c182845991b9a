import Ajv2020 from 'ajv/dist/2020';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rule } from '../engine/types';
import { reportedViolation as violation, reportOf } from '../reporters/__fixtures__/reports';
import type { RunReport } from '../runner/run-report';
import { rulesFixing } from './__fixtures__/fixable-rules';
import type { CommandStyle } from './fix-command';
import { AGENT_REPORT_VERSION, buildAgentReport, formatAgentReport, type AgentReport } from './agent-report';
import { SUMMARY_LIMITS } from './summary-limits';
import { statusOf, summariseReports } from './workspace-summary';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schema/agent-report.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

describe('agent report', () => {
  let folder: string;
  const build = async (reports: RunReport[], rules: readonly Rule[] = rulesFixing({}), commands?: CommandStyle): Promise<AgentReport> => {
    const files = reports.map((report, index) => {
      const path = join(folder, `${index}.json`);
      writeFileSync(path, JSON.stringify(report));
      return { path, displayPath: `${index}.json` };
    });
    const { summary } = await summariseReports(files);
    return buildAgentReport({ summary, status: statusOf(summary), rules, recheckCommand: 'npx nx affected -t enforce', commands });
  };
  const expectValid = (report: AgentReport) => {
    expect(validate(JSON.parse(formatAgentReport(report)))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'enforcer-agent-report-'));
    mkdirSync(folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should list every blocking violation in fix order: unparsable files, then the most blocking, ties by path, then by line', async () => {
    const error = (file: string, line: number, ruleId = 'errors/no-empty-catch') =>
      violation({ file, line, ruleId, severity: 'error', fingerprint: `${file}:${line}`, hint: `hint ${line}` });
    const report = await build([
      reportOf('b', [
        error('libs/b/one.ts', 3),
        error('libs/b/one.ts', 1),
        error('libs/b/z.ts', 1),
        violation({ file: 'libs/b/z.ts', line: 2, scope: 'historical', severity: 'error' }),
      ]),
      reportOf('a', [error('libs/a/broken.ts', 1, 'parse-error'), error('libs/a/a.ts', 1), violation({ file: 'libs/a/a.ts', line: 2 })]),
    ]);
    expect(report).toMatchObject({ version: AGENT_REPORT_VERSION, status: 'BLOCKED', blocking: 5, recheckCommand: 'npx nx affected -t enforce' });
    expect(report.filesToReadFirst).toEqual(['libs/a/broken.ts', 'libs/b/one.ts', 'libs/a/a.ts', 'libs/b/z.ts']);
    expect(report.nextActions.map((action) => `${action.project} ${action.file}:${action.line} ${action.rule}`)).toEqual([
      'a libs/a/broken.ts:1 parse-error',
      'b libs/b/one.ts:1 errors/no-empty-catch',
      'b libs/b/one.ts:3 errors/no-empty-catch',
      'a libs/a/a.ts:1 errors/no-empty-catch',
      'b libs/b/z.ts:1 errors/no-empty-catch',
    ]);
    expect(report.nextActions[1]).toEqual({
      project: 'b',
      file: 'libs/b/one.ts',
      line: 1,
      column: 1,
      rule: 'errors/no-empty-catch',
      severity: 'error',
      message: 'Unexpected console.log(): log through the project logger instead.',
      hint: 'hint 1',
    });
    expectValid(report);
  });

  it('should give a fix command only to violations whose rule declares a fix: the project fix target, or the CLI on the file without a project', async () => {
    const rules = rulesFixing({ 'logging/no-console': 'safe', 'typescript/no-ts-ignore': 'suggestion' });
    const withoutProject: RunReport = { ...reportOf('cli', [violation({ file: "src/it's here.ts", severity: 'error' })]) };
    delete withoutProject.project;
    const report = await build(
      [
        reportOf('@acme/api', [
          violation({ severity: 'error' }),
          violation({ line: 2, severity: 'error', ruleId: 'typescript/no-ts-ignore', fingerprint: 'g' }),
          violation({ line: 3, severity: 'error', ruleId: 'errors/no-empty-catch', fingerprint: 'h' }),
        ]),
        withoutProject,
      ],
      rules,
    );
    expect(report.nextActions.map((action) => [action.rule, action.fixCommand])).toEqual([
      ['logging/no-console', 'npx nx run @acme/api:enforce-fix'],
      ['typescript/no-ts-ignore', 'npx nx run @acme/api:enforce-fix --fixType=suggestion'],
      ['errors/no-empty-catch', undefined],
      ['logging/no-console', `npx enforcer check 'src/it'\\''s here.ts' --fix`],
    ]);
    expect(report.nextActions[3]).not.toHaveProperty('project');
    const { summary } = await summariseReports([]);
    expect(buildAgentReport({ summary, status: 'CLEAN', rules, recheckCommand: 'x', commands: { fixTarget: 'policy-fix' } }).nextActions).toEqual([]);
    expectValid(report);
  });

  it("should spell fix commands with the workspace's exec prefix and fix target name", async () => {
    const rules = rulesFixing({ 'logging/no-console': 'safe', 'typescript/no-ts-ignore': 'suggestion' });
    const inProject = reportOf('lib-a', [
      violation({ severity: 'error' }),
      violation({ line: 2, severity: 'error', ruleId: 'typescript/no-ts-ignore', fingerprint: 'g' }),
    ]);
    const withoutProject: RunReport = { ...reportOf('x', [violation({ severity: 'error', file: 'src/a.ts' })]) };
    delete withoutProject.project;
    const report = await build([inProject, withoutProject], rules, { exec: 'pnpm exec', fixTarget: 'policy-fix' });
    expect(report.nextActions.map((action) => action.fixCommand)).toEqual([
      'pnpm exec nx run lib-a:policy-fix',
      'pnpm exec nx run lib-a:policy-fix --fixType=suggestion',
      'pnpm exec enforcer check src/a.ts --fix',
    ]);
  });

  it('should list all blocking violations, beyond every cap the summary applies to what it shows', async () => {
    const many = SUMMARY_LIMITS.violations + SUMMARY_LIMITS.blocking;
    const report = await build([
      reportOf(
        'a',
        Array.from({ length: many }, (_, index) => violation({ line: index + 1, severity: 'error', fingerprint: `f${index}` })),
      ),
    ]);
    expect(report.blocking).toBe(many);
    expect(report.nextActions).toHaveLength(many);
    expect(report.nextActions.at(-1)?.line).toBe(many);
    expectValid(report);
  });

  it('should be CLEAN or WARNINGS with nothing to do when nothing blocks', async () => {
    const warnings = await build([reportOf('a', [violation({})])]);
    expect(warnings).toEqual({
      version: 1,
      status: 'WARNINGS',
      blocking: 0,
      recheckCommand: 'npx nx affected -t enforce',
      filesToReadFirst: [],
      nextActions: [],
      notChecked: [],
    });
    expectValid(warnings);
    expect((await build([reportOf('a', [])])).status).toBe('CLEAN');
  });

  it('should have a schema that rejects what the layout does not allow', () => {
    const valid = {
      version: 1,
      status: 'BLOCKED',
      blocking: 1,
      recheckCommand: 'x',
      filesToReadFirst: ['a.ts'],
      nextActions: [{ file: 'a.ts', line: 1, column: 1, rule: 'r/x', severity: 'error', message: 'm' }],
      notChecked: [{ report: '.nx-enforcer/projects/b/report.json', reason: 'unreadable' }],
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, version: 2 })).toBe(false);
    expect(validate({ ...valid, status: 'FAILED' })).toBe(false);
    expect(validate({ ...valid, extra: true })).toBe(false);
    expect(validate({ ...valid, nextActions: [{ ...valid.nextActions[0], line: 0 }] })).toBe(false);
    expect(validate({ ...valid, notChecked: [{ report: 'r', reason: 'gone' }] })).toBe(false);
    const { blocking: _blocking, ...withoutCount } = valid;
    expect(validate(withoutCount)).toBe(false);
  });
});
