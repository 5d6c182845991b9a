import requiredFiles from '../rules/project/required-files';
import { ProjectRuleTester, type ProjectInvalidCase, type ProjectValidCase } from './project-rule-tester';
import type { TestFramework } from './rule-tester';

type Options = { files: string[]; byTag: Record<string, string[]> };

/** Runs the cases through a framework that records each test's outcome instead of jest's. */
function outcomes(cases: { valid: ProjectValidCase<Options>[]; invalid: Array<ProjectInvalidCase<Options, 'missingFile'>> }): Array<string | undefined> {
  const tests: Array<() => void> = [];
  const framework: TestFramework = { describe: (_name, body) => body(), it: (_name, body) => tests.push(body) };
  new ProjectRuleTester(framework).run(requiredFiles, cases);
  return tests.map((body) => {
    try {
      body();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  });
}

const missingReadme: ProjectInvalidCase<Options, 'missingFile'> = {
  name: 'no README',
  files: ['apps/app/src/main.ts'],
  options: { files: ['README.md'] },
  errors: [{ messageId: 'missingFile', data: { project: 'app', file: 'README.md', reason: '', root: 'apps/app' }, file: 'apps/app' }],
};

describe('ProjectRuleTester', () => {
  it('should pass cases that match what the rule reports, with its data', () => {
    expect(outcomes({ valid: [{ name: 'has a README', files: ['apps/app/README.md'], options: { files: ['README.md'] } }], invalid: [missingReadme] })).toEqual(
      [undefined, undefined],
    );
  });

  it('should fail wrong data, a wrong file and an unknown messageId', () => {
    const [data] = outcomes({
      valid: [],
      invalid: [{ ...missingReadme, errors: [{ ...missingReadme.errors[0], data: { project: 'other', file: 'README.md', reason: '', root: 'apps/app' } }] }],
    });
    expect(data).toBe(
      'violation 1: with data {"project":"other","file":"README.md","reason":"","root":"apps/app"} the message is "Project ' +
        'other has no README.md: add it at apps/app/README.md.", got "Project app has no README.md: add it at ' +
        'apps/app/README.md."',
    );
    expect(outcomes({ valid: [], invalid: [{ ...missingReadme, errors: [{ messageId: 'missingFile', file: 'apps/other' }] }] })[0]).toBe(
      'violation 1: expected file apps/other, got apps/app',
    );
    expect(outcomes({ valid: [], invalid: [{ ...missingReadme, errors: [{ messageId: 'gone' as 'missingFile' }] }] })[0]).toBe(
      'unknown messageId "gone" in test case; the rule\'s are missingFile',
    );
  });

  it('should reject options the schema refuses and a case that repeats another', () => {
    expect(outcomes({ valid: [{ name: 'bad options', files: [], options: { files: [''] } }], invalid: [] })[0]).toBe(
      "the case's options are not valid options of project/required-files: files[0]: must NOT have fewer than 1 characters",
    );
    expect(
      outcomes({
        valid: [
          { name: 'a', files: ['apps/app/README.md'] },
          { name: 'b', files: ['apps/app/README.md'] },
        ],
        invalid: [],
      }),
    ).toEqual([undefined, 'this case repeats an earlier one (same files, project and options)']);
  });
});
