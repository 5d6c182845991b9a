import { ruleAppliesTo } from '../config/config-resolver';
import { lintSource } from '../engine/lint-source';
import type { Rule, Severity, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';

export interface ValidCase<Options> {
  code: string;
  /** Defaults to `src/file.ts`; the extension decides TS/TSX/JS parsing. */
  filename?: string;
  options?: Partial<Options>;
  isTestFile?: boolean;
  /** The workspace's projects, for rules that look across projects. */
  workspace?: WorkspaceView;
  /** Other workspace files (path → text) the rule may read with `context.readFile`. */
  files?: Record<string, string>;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The exact message, when the data placeholders matter. */
  message?: string;
}

export interface InvalidCase<Options> extends ValidCase<Options> {
  errors: ExpectedError[];
}

export interface RuleTesterCases<Options> {
  valid: Array<ValidCase<Options> | string>;
  invalid: Array<InvalidCase<Options>>;
}

/** The functions of the host test framework (jest, vitest, node:test all provide them). */
export interface TestFramework {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => void): void;
}

/**
 * Runs valid and invalid cases of one rule through the real engine (parse, walk, report) and
 * asserts exact message ids and positions. Used by every built-in rule's spec and exported for
 * custom-rule authors.
 */
export class RuleTester {
  constructor(private readonly framework: TestFramework = globalThis as unknown as TestFramework) {}

  run<MessageIds extends string, Options>(rule: Rule<MessageIds, Options>, cases: RuleTesterCases<Options>): void {
    const { describe, it } = this.framework;
    describe(rule.id, () => {
      describe('valid', () => {
        for (const entry of cases.valid) {
          const testCase = typeof entry === 'string' ? { code: entry } : entry;
          it(titleOf(testCase.code), () => {
            const violations = lint(rule, testCase);
            if (violations.length > 0) {
              throw new Error(`expected no violations, got:\n${describeViolations(violations)}`);
            }
          });
        }
      });
      describe('invalid', () => {
        for (const testCase of cases.invalid) {
          it(titleOf(testCase.code), () => {
            if (testCase.errors.length === 0) throw new Error('an invalid case must expect at least one error');
            const violations = lint(rule, testCase);
            assertErrors(rule, violations, testCase.errors);
          });
        }
      });
    });
  }
}

/** Lints `code` with one rule at its default severity (or `error` when the default is `off`). */
export function lintWithRule<Options>(rule: Rule<string, Options>, testCase: ValidCase<Options>): Violation[] {
  return lint(rule, testCase);
}

function lint<Options>(rule: Rule<string, Options>, testCase: ValidCase<Options>): Violation[] {
  const severity: Severity = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
  const file = testCase.filename ?? 'src/file.ts';
  // As in a run: a rule is given only the files it applies to (`codeFiles`, `textFiles`).
  if (!ruleAppliesTo(rule as unknown as Rule, file)) return [];
  const result = lintSource({
    file,
    text: testCase.code,
    rules: [{ rule: rule as unknown as Rule, severity, options: { ...(rule.meta.defaultOptions as object), ...testCase.options } }],
    isTestFile: testCase.isTestFile ?? false,
    workspace: testCase.workspace,
    readFile: (path) => (testCase.files && Object.hasOwn(testCase.files, path) ? testCase.files[path] : undefined),
  });
  if (result.notices.length > 0) {
    throw new Error(`the rule failed: ${result.notices.map((notice) => notice.message).join('; ')}`);
  }
  return result.violations;
}

function assertErrors(rule: Rule<string, unknown>, violations: Violation[], expected: ExpectedError[]): void {
  const messages = rule.meta.messages as Record<string, string>;
  if (violations.length !== expected.length) {
    throw new Error(`expected ${expected.length} violation(s), got ${violations.length}:\n${describeViolations(violations)}`);
  }
  expected.forEach((error, index) => {
    const actual = violations[index];
    if (!(error.messageId in messages)) throw new Error(`unknown messageId "${error.messageId}" in test case`);
    const template = messages[error.messageId];
    if (!messageMatches(template, actual.message)) {
      throw new Error(`violation ${index + 1}: expected messageId "${error.messageId}", got message "${actual.message}"`);
    }
    for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
      if (error[key] !== undefined && error[key] !== actual[key]) {
        throw new Error(`violation ${index + 1}: expected ${key} ${error[key]}, got ${actual[key]} (${describeViolations([actual])})`);
      }
    }
    if (error.message !== undefined && error.message !== actual.message) {
      throw new Error(`violation ${index + 1}: expected message "${error.message}", got "${actual.message}"`);
    }
  });
}

/** Whether `message` could have been produced from `template` (placeholders match anything). */
export function messageMatches(template: string, message: string): boolean {
  const pattern = template
    .split(/\{\{\s*\w+\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(message);
}

function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `  ${v.line}:${v.column}-${v.endLine}:${v.endColumn} ${v.ruleId} ${v.message}`).join('\n') || '  (none)';
}

function titleOf(code: string): string {
  const single = code.replace(/\s+/g, ' ').trim();
  return single.length > 70 ? `${single.slice(0, 67)}...` : single;
}
