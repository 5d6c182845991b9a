import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorkspaceView } from '../engine/workspace-view';
import { Enforcer } from './enforcer';

describe('Enforcer', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-service-'));
    write('enforcer.config.json', JSON.stringify({ rules: { 'logging/no-console': 'warn' } }));
    write('apps/api/enforcer.config.json', JSON.stringify({ rules: { 'logging/no-console': 'off' } }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const enforcer = () => new Enforcer({ workspaceRoot: root, workspace: createWorkspaceView({ projects: [], pathAliases: {} }) });
  const api = { name: 'api', root: 'apps/api', tags: [] };
  const text = "export function run(): void {\n  console.log('up');\n  // @ts-ignore\n  start();\n}\n";

  it("should check unsaved text with the project's config, as its check run would (no file on disk)", async () => {
    const inProject = await enforcer().checkText({ project: api, path: 'apps/api/src/draft.ts', text });
    expect(inProject.violations.map((violation) => violation.ruleId)).toEqual(['typescript/no-ts-ignore']);

    const atRoot = await enforcer().checkText({ path: 'libs/shared/src/draft.ts', text });
    expect(atRoot.violations.map((violation) => violation.ruleId).sort()).toEqual(['logging/no-console', 'typescript/no-ts-ignore']);
  });

  it('should give the same findings for the text as for the file once saved', async () => {
    write('apps/api/src/saved.ts', text);
    const checked = await enforcer().check(
      { project: api, files: [{ path: 'apps/api/src/saved.ts' }] },
      { reportUnusedSuppressions: false, updateBaseline: false, profile: false, maxWarnings: undefined },
    );
    const unsaved = await enforcer().checkText({ project: api, path: 'apps/api/src/saved.ts', text });
    expect(unsaved.violations.map((violation) => `${violation.line}:${violation.column} ${violation.ruleId}`)).toEqual(
      checked.report.violations.map((violation) => `${violation.line}:${violation.column} ${violation.ruleId}`),
    );
    expect(checked.verdict).toMatchObject({ success: false, blocked: true, newErrors: 1 });
  });
});
