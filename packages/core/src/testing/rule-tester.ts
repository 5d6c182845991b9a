import { ruleAppliesTo } from '../config/config-resolver';
import { lintSource } from '../engine/lint-source';
import type { FileRule, FixableViolation, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import { applyFixes } from '../runner/apply-fixes';
import { assertMessage, caseSettings, type ExpectedMessage } from './expected-violation';

export interface ValidCase<Options> {
  code: string;
  /** Defaults to `src/file.ts`; the extension decides TS/TSX/JS parsing. */
  filename?: string;
  /** As a config would set them: checked against the rule's schema before the case runs. */
  options?: Partial<Options>;
  isTestFile?: boolean;
  /** The workspace's projects, for rules that look across projects. */
  workspace?: WorkspaceView;
  /** Other workspace files (path → text) the rule may read with `context.readFile`. */
  files?: Record<string, string>;
}

export interface ExpectedError<MessageIds extends string = string> extends ExpectedMessage<MessageIds> {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /**
   * The violation's suggestions, in order: each one's message id (when given) and the code after it
   * alone is applied (`--fix-type suggestion`); `[]` when the violation offers none. Unchecked when absent.
   */
  suggestions?: Array<{ messageId?: MessageIds; output: string }>;
}

export interface InvalidCase<Options, MessageIds extends string = string> extends ValidCase<Options> {
  errors: Array<ExpectedError<MessageIds>>;
  /**
   * The code after every fix of the case is applied (the rule's `fix`es, of its `meta.fixable` kind:
   * `--fix` for safe ones, `--fix-type dangerous` for dangerous ones); `null` when the rule fixes
   * nothing here. Required when the rule fixes.
   */
  output?: string | null;
}

export interface RuleTesterCases<Options, MessageIds extends string = string> {
  valid: Array<ValidCase<Options> | string>;
  invalid: Array<InvalidCase<Options, MessageIds>>;
}

/** The functions of the host test framework (jest, vitest, node:test all provide them). */
export interface TestFramework {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => void): void;
}

/**
 * Runs valid and invalid cases of one rule through the real engine (parse, walk, report, fixes)
 * and asserts exact message ids, data, positions, fixed output and suggestions. A case is rejected
 * when its options are not ones the rule accepts, when it repeats another case, or when the rule
 * never runs on its file. Used by every built-in rule's spec and exported for custom-rule authors.
 */
export class RuleTester {
  constructor(private readonly framework: TestFramework = globalThis as unknown as TestFramework) {}

  run<MessageIds extends string, Options>(rule: FileRule<MessageIds, Options>, cases: RuleTesterCases<Options, NoInfer<MessageIds>>): void {
    const { describe, it } = this.framework;
    const seen = new Set<string>();
    const workspaces = new Map<WorkspaceView, number>();
    // A repeated case tests nothing new and usually hides a copy-paste whose edit was forgotten.
    const once = (testCase: ValidCase<Options>) => {
      const workspace = testCase.workspace && (workspaces.get(testCase.workspace) ?? workspaces.set(testCase.workspace, workspaces.size).size - 1);
      const key = JSON.stringify([
        testCase.code,
        testCase.filename ?? null,
        testCase.options ?? null,
        testCase.isTestFile ?? false,
        testCase.files ?? null,
        workspace ?? null,
      ]);
      if (seen.has(key)) throw new Error('this case repeats an earlier one (same code, filename, options, files and workspace)');
      seen.add(key);
    };
    describe(rule.id, () => {
      describe('valid', () => {
        for (const entry of cases.valid) {
          const testCase = typeof entry === 'string' ? { code: entry } : entry;
          it(titleOf(testCase.code), () => {
            once(testCase);
            const { violations } = lint(rule, testCase);
            if (violations.length > 0) {
              throw new Error(`expected no violations, got:\n${describeViolations(violations)}`);
            }
          });
        }
      });
      describe('invalid', () => {
        for (const testCase of cases.invalid) {
          it(titleOf(testCase.code), () => {
            once(testCase);
            if (testCase.errors.length === 0) throw new Error('an invalid case must expect at least one error');
            const linted = lint(rule, testCase, true);
            assertErrors(rule, linted.violations, testCase.errors);
            assertFixes(testCase, linted);
          });
        }
      });
    });
  }
}

/** Whether a run gives the rule this file at all (its `meta.language` and `meta.textFiles`). */
export function ruleRunsOn<Options>(rule: FileRule<string, Options>, file: string): boolean {
  return ruleAppliesTo(rule, file);
}

/** Lints `code` with one rule at its default severity (or `error` when the default is `off`). */
export function lintWithRule<Options>(rule: FileRule<string, Options>, testCase: ValidCase<Options>): Violation[] {
  return lint(rule, testCase).violations;
}

interface Linted {
  file: string;
  violations: Violation[];
  fixes: FixableViolation[];
}

function lint<Options>(rule: FileRule<string, Options>, testCase: ValidCase<Options>, collectFixes = false): Linted {
  const file = testCase.filename ?? 'src/file.ts';
  // A run gives a rule only the files it applies to, so such a case would pass without running it.
  if (!ruleRunsOn(rule, file)) throw new Error(`the rule never runs on ${file} (see its meta.language and meta.textFiles): the case tests nothing`);
  const { severity, options } = caseSettings(rule, testCase.options);
  const result = lintSource({
    file,
    text: testCase.code,
    rules: [{ rule, severity, options }],
    isTestFile: testCase.isTestFile ?? false,
    workspace: testCase.workspace,
    readFile: (path) => (testCase.files && Object.hasOwn(testCase.files, path) ? testCase.files[path] : undefined),
    collectFixes,
  });
  if (result.notices.length > 0) {
    throw new Error(`the rule failed: ${result.notices.map((notice) => notice.message).join('; ')}`);
  }
  return { file, violations: result.violations, fixes: result.fixes ?? [] };
}

function assertErrors(rule: FileRule<string, unknown>, violations: Violation[], expected: ExpectedError[]): void {
  if (violations.length !== expected.length) {
    throw new Error(`expected ${expected.length} violation(s), got ${violations.length}:\n${describeViolations(violations)}`);
  }
  expected.forEach((error, index) => {
    const actual = violations[index];
    assertMessage(rule, actual, error, index);
    for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
      if (error[key] !== undefined && error[key] !== actual[key]) {
        throw new Error(`violation ${index + 1}: expected ${key} ${error[key]}, got ${actual[key]} (${describeViolations([actual])})`);
      }
    }
  });
}

function assertFixes(testCase: InvalidCase<unknown>, linted: Linted): void {
  const fixes = linted.fixes.filter((fixable) => fixable.suggestion === undefined);
  const fixed = fixes.length > 0 ? applyFixes({ file: linted.file, text: testCase.code, fixes }).text : null;
  if (testCase.output === undefined) {
    if (fixed !== null) throw new Error(`the rule fixed the code: add the expected \`output\`:\n${fixed}`);
  } else if (fixed !== testCase.output) {
    throw new Error(
      fixed === null
        ? 'expected the rule to fix the code, but it offered no fix'
        : testCase.output === null
          ? `expected no fix, got output:\n${fixed}`
          : `expected output:\n${testCase.output}\ngot:\n${fixed}`,
    );
  }
  testCase.errors.forEach((error, index) => {
    if (error.suggestions === undefined) return;
    const violation = linted.violations[index];
    const offered = linted.fixes.filter((fixable) => fixable.violation === violation && fixable.suggestion !== undefined);
    const outputs = offered.map((fixable) => applyFixes({ file: linted.file, text: testCase.code, fixes: [fixable] }).text);
    const expected = error.suggestions.map((suggestion) => suggestion.output);
    if (JSON.stringify(outputs) !== JSON.stringify(expected)) {
      const listed = (texts: string[]) => texts.join('\n---\n') || '(none)';
      throw new Error(
        `violation ${index + 1}: expected ${expected.length} suggestion(s) giving:\n${listed(expected)}\ngot ${outputs.length}:\n${listed(outputs)}`,
      );
    }
    error.suggestions.forEach((suggestion, position) => {
      const actual = offered[position].suggestion?.messageId;
      if (suggestion.messageId !== undefined && suggestion.messageId !== actual) {
        throw new Error(`violation ${index + 1}, suggestion ${position + 1}: expected messageId "${suggestion.messageId}", got "${actual}"`);
      }
    });
  });
}

function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `  ${v.line}:${v.column}-${v.endLine}:${v.endColumn} ${v.ruleId} ${v.message}`).join('\n') || '  (none)';
}

function titleOf(code: string): string {
  const single = code.replace(/\s+/g, ' ').trim();
  return single.length > 70 ? `${single.slice(0, 67)}...` : single;
}
