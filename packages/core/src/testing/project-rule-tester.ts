import type { ProjectRule, Violation } from '../engine/types';
import { checkProject, type ProjectInfo } from '../runner/check-project';
import { assertMessage, caseSettings, type ExpectedMessage } from './expected-violation';
import type { TestFramework } from './rule-tester';

export interface ProjectValidCase<Options> {
  /** A name for the case. */
  name: string;
  /** The project's files, posix paths relative to the workspace root. */
  files: string[];
  /** Defaults to `{ name: 'app', root: 'apps/app', tags: [] }`. */
  project?: Partial<ProjectInfo>;
  /** As a config would set them: checked against the rule's schema before the case runs. */
  options?: Partial<Options>;
}

export interface ProjectExpectedError<MessageIds extends string = string> extends ExpectedMessage<MessageIds> {
  /** Workspace-relative; the project root when the finding is about the project as a whole. */
  file?: string;
  /** The exact hint, or a matcher such as `expect.stringContaining(...)`. */
  hint?: unknown;
}

export interface ProjectInvalidCase<Options, MessageIds extends string = string> extends ProjectValidCase<Options> {
  errors: Array<ProjectExpectedError<MessageIds>>;
}

/**
 * Runs a project-scoped rule over file lists, as the runner does once per project, and asserts
 * message ids, data, files, messages and hints. Like RuleTester, it fails a case whose options the
 * rule's schema refuses and a case that repeats another.
 */
export class ProjectRuleTester {
  constructor(private readonly framework: TestFramework = globalThis as unknown as TestFramework) {}

  run<MessageIds extends string, Options>(
    rule: ProjectRule<MessageIds, Options>,
    cases: { valid: ProjectValidCase<Options>[]; invalid: Array<ProjectInvalidCase<Options, NoInfer<MessageIds>>> },
  ): void {
    const { describe, it } = this.framework;
    const seen = new Set<string>();
    const once = (testCase: ProjectValidCase<Options>) => {
      const key = JSON.stringify([testCase.files, testCase.project ?? null, testCase.options ?? null]);
      if (seen.has(key)) throw new Error('this case repeats an earlier one (same files, project and options)');
      seen.add(key);
    };
    describe(rule.id, () => {
      describe('valid', () => {
        for (const testCase of cases.valid) {
          it(testCase.name, () => {
            once(testCase);
            const violations = checkWithRule(rule, testCase);
            if (violations.length > 0) throw new Error(`expected no violations, got:\n${describe_(violations)}`);
          });
        }
      });
      describe('invalid', () => {
        for (const testCase of cases.invalid) {
          it(testCase.name, () => {
            once(testCase);
            if (testCase.errors.length === 0) throw new Error('an invalid case must expect at least one error');
            const violations = checkWithRule(rule, testCase);
            if (violations.length !== testCase.errors.length) {
              throw new Error(`expected ${testCase.errors.length} violation(s), got ${violations.length}:\n${describe_(violations)}`);
            }
            testCase.errors.forEach((expected, index) => {
              const actual = violations[index];
              assertMessage(rule, actual, expected, index);
              if (expected.file !== undefined && expected.file !== actual.file)
                throw new Error(`violation ${index + 1}: expected file ${expected.file}, got ${actual.file}`);
              if (expected.hint !== undefined && !hintMatches(expected.hint, actual.hint))
                throw new Error(`violation ${index + 1}: unexpected hint "${actual.hint}"`);
            });
          });
        }
      });
    });
  }
}

/** The violations one project-scoped rule reports for a case, in report order. */
export function checkWithRule<Options>(rule: ProjectRule<string, Options>, testCase: ProjectValidCase<Options>): Violation[] {
  const { severity, options } = caseSettings(rule, testCase.options);
  const project: ProjectInfo = { name: 'app', root: 'apps/app', tags: [], ...testCase.project };
  const result = checkProject(project, testCase.files, [{ rule, severity, options }]);
  if (result.notices.length > 0) throw new Error(`the rule failed: ${result.notices.map((notice) => notice.message).join('; ')}`);
  return result.violations;
}

/** An exact string, or an asymmetric matcher (jest's `expect.stringContaining`). */
function hintMatches(expected: unknown, actual: string | undefined): boolean {
  if (typeof expected === 'string') return expected === actual;
  const matcher = expected as { asymmetricMatch?: (value: unknown) => boolean };
  return typeof matcher.asymmetricMatch === 'function' && matcher.asymmetricMatch(actual);
}

function describe_(violations: Violation[]): string {
  return violations.map((v) => `  ${v.file} ${v.ruleId} ${v.message}`).join('\n') || '  (none)';
}
