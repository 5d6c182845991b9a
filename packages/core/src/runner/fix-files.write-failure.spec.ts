import { rootLayer } from '../testing/config-layers';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../config/config-resolver';
import { builtinRules } from '../rules';
import { fixFiles } from './fix-files';

// The disk refuses the write (a read-only checkout, a full disk): simulated, since tests may run as root.
jest.mock('../session/atomic-write', () => ({
  ...jest.requireActual('../session/atomic-write'),
  writeFileAtomic: jest.fn(async () => {
    throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
  }),
}));

describe('fixFiles when a fixed file cannot be written', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enforcer-fix-write-'));
    mkdirSync(join(root, 'src'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should leave the file as it was, report every fix as refused with the reason, and report what remains', async () => {
    const original = '// @ts-ignore -- legacy typings\nconst a: number = "x";\n';
    writeFileSync(join(root, 'src/a.ts'), original);
    const { files, report } = await fixFiles({
      workspaceRoot: root,
      files: [{ path: 'src/a.ts' }],
      config: new ConfigResolver(builtinRules, [rootLayer()]),
      fixType: 'suggestion',
    });
    expect(readFileSync(join(root, 'src/a.ts'), 'utf8')).toBe(original);
    expect(files).toEqual([
      expect.objectContaining({
        file: 'src/a.ts',
        applied: [],
        refused: [expect.objectContaining({ reason: 'src/a.ts could not be written (EACCES); it was left as it was' })],
      }),
    ]);
    expect(report.violations.map((v) => v.ruleId)).toEqual(['typescript/no-ts-ignore']);
    expect(report.notices).toEqual([expect.objectContaining({ file: 'src/a.ts', message: 'src/a.ts could not be written (EACCES); it was left as it was' })]);
  });
});
