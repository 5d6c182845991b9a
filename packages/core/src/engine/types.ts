import type { ts } from 'ts-morph';
import type { RuleCategory } from './rule-categories';
import type { FileService, TextService } from './rule-services';
import type { WorkspaceView } from './workspace-view';

/** How a violation affects the run: `error` blocks (exit 1 / failed task), `warn` only reports. */
export type Severity = 'error' | 'warn';

/** A severity as written in config: `off` disables the rule. */
export type SeveritySetting = Severity | 'off';

export type { RuleCategory } from './rule-categories';

/** A finding, positions 1-based, `file` a posix path relative to the workspace root. */
export interface Violation {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Stable across unrelated edits: rule + file + normalised flagged line + occurrence. */
  fingerprint: string;
  /** What to change, concretely (the rule's `meta.hints` for the message, placeholders filled). */
  hint?: string;
  /** Which of the rule's `meta.messages` this is (the engine's own findings have theirs). */
  messageId: string;
  /** The values the message's placeholders were filled with, as text. */
  data?: Record<string, string>;
}

/**
 * How safe a fix is: `safe` fixes are applied by `--fix`; `suggestion`s (a rule's `suggest`, a
 * likely but not certain change) only with `--fix-type suggestion`; `dangerous` fixes (correct for
 * the finding, but they may change behaviour) only with `--fix-type dangerous`, asked by name.
 */
export type FixKind = 'safe' | 'suggestion' | 'dangerous';

/** The kinds a rule's `fix` can be (its `suggest` entries are suggestions). */
export type RuleFixKind = Exclude<FixKind, 'suggestion'>;

/** One replacement of the file's text: `[start, end)` offsets into the text the rule saw. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** An import a fix needs (added once per file, merged into an existing import of the module). */
export interface FixImport {
  moduleSpecifier: string;
  namedImports: readonly string[];
}

/** A fix, computed: plain data, applied after analysis with the file's other fixes. */
export interface Fix {
  kind: FixKind;
  /** Non-overlapping edits of this finding. */
  edits: readonly TextEdit[];
  imports?: readonly FixImport[];
}

/** What a fix edits: a syntax node, or a `[start, end)` range of offsets in the file's text. */
export type FixTarget = ts.Node | readonly [start: number, end: number];

/** Builds a fix's edits. A rule's fix functions run only when fixes are asked for. */
export interface RuleFixer {
  replaceText(target: FixTarget, text: string): TextEdit;
  insertTextBefore(target: FixTarget, text: string): TextEdit;
  insertTextAfter(target: FixTarget, text: string): TextEdit;
  remove(target: FixTarget): TextEdit;
  /** An import the fix needs: added once per file, merged into an existing import of the module. */
  addImport(moduleSpecifier: string, namedImports: readonly string[]): void;
}

/** Computes a fix's edits when fixing; `null` when, on a closer look, there is nothing safe to do. */
export type FixFunction = (fixer: RuleFixer) => TextEdit | readonly TextEdit[] | null;

/** A change offered for a finding, applied only with `--fix-type suggestion`; its message says what it does. */
export interface SuggestionDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  fix: FixFunction;
}

/** A violation with a fix for it (only computed when fixes are asked for), tied to it by the violation's fingerprint. */
export interface FixableViolation {
  violation: Violation;
  fix: Fix;
  /** For a suggestion: its message id and message (what the change does). */
  suggestion?: { messageId: string; message: string };
}

/** Something the run could not check, reported alongside violations (never silently dropped). */
export interface Notice {
  file: string;
  code: NoticeCode;
  message: string;
}

export type NoticeCode =
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'unreadable'
  | 'outside-workspace'
  | 'rule-error'
  | 'rule-timeout'
  | 'generated'
  | 'minified'
  | 'vendored'
  | 'not-checked'
  | 'not-an-input';

/** A JSON schema for a rule's options object. */
export type JsonSchema = Record<string, unknown>;

export interface RuleDocs {
  description: string;
  /** Why the rule exists: shown in docs and SARIF help. */
  rationale: string;
}

/** What every rule declares, whatever it runs on. */
export interface RuleMetaBase<MessageIds extends string, Options> {
  category: RuleCategory;
  defaultSeverity: SeveritySetting;
  docs: RuleDocs;
  /** Message templates; `{{name}}` placeholders are filled from the report's `data`. */
  messages: Record<MessageIds, string>;
  /**
   * Per message, what to change, concretely ("Replace `@ts-ignore` with `@ts-expect-error -- why`");
   * `{{name}}` placeholders are filled from the report's `data`. Shown in every report format.
   * Every built-in rule has one per message.
   */
  hints?: Partial<Record<MessageIds, string>>;
  /** The kind of the `fix` its reports may carry (documentation and `--fix-type`). */
  fixable?: RuleFixKind;
  /** Its reports may carry `suggest` entries (applied with `--fix-type suggestion`). */
  hasSuggestions?: boolean;
  /**
   * The names other linters give the same check. Their suppression comments (`eslint-disable-next-line
   * no-console`, `oxlint-disable`, Python's `# noqa: T201`, `# pylint: disable=bare-except`) then
   * suppress this rule too: the team already decided about that line.
   */
  equivalents?: { eslint?: readonly string[]; python?: readonly string[] };
  /**
   * What the rule counts as it works (`context.examined()`, `context.couldNotVerify()`), as a plural
   * noun: "console references", "catch clauses". Reports show the counts, so a rule that examined
   * nothing, or could not verify what it saw, is visible instead of a silent pass. Without it, the
   * files the rule ran on are its measure.
   */
  coverage?: { unit: string };
  /** Schema of the options object (an object schema that rejects unknown keys). */
  schema: JsonSchema;
  defaultOptions: Options;
  /**
   * Options whose values name workspace files the rule reads (workspace-relative paths), e.g. a
   * schema. Under Nx they become inputs of the enforce target, so editing one re-runs the check.
   */
  fileOptions?: readonly string[];
  /**
   * Workspace files the rule may read whatever its options (the root tsconfig, for path aliases).
   * Under Nx they are inputs of the enforce target wherever the rule may be on.
   */
  reads?: readonly string[];
  /**
   * The rule reads files of the projects its project depends on (DTOs and decorators in shared
   * libraries). Under Nx the enforce target then takes those projects' files as inputs (`^default`),
   * so a change there re-runs the check; elsewhere (`WorkspaceView.mayRead`) such reads are refused.
   */
  readsDependencies?: boolean;
}

/** The languages whose files a per-file rule checks (see `FileRuleMeta.language`). */
export type RuleLanguage = 'typescript' | 'python' | 'text';

/** What a per-file rule declares on top: what it runs on. */
export interface FileRuleMeta<MessageIds extends string, Options> extends RuleMetaBase<MessageIds, Options> {
  scope?: 'file';
  /**
   * The files the rule checks: `typescript` (the default) TypeScript and JavaScript files, parsed;
   * `python` Python sources, as text (`Text` visitor); `text` only its `textFiles`.
   */
  language?: RuleLanguage;
  /**
   * Globs of other files (JSON, YAML, Markdown, `.env`...) the rule also scans, as text: for them
   * only its `Text` visitor runs.
   */
  textFiles?: readonly string[];
  /**
   * Cheap pre-check: the rule can only match a file whose text contains one of these strings.
   * A file that matches no rule's keywords is not parsed at all. A regular expression (without the
   * `g` or `y` flag) stands for what a plain string cannot say, e.g. "a date-shaped text".
   */
  keywords?: readonly (string | RegExp)[];
  /**
   * `skip`: the rule never runs on test files (the configured test-file globs), where what it checks
   * is expected (console output, `any`, hardcoded dates).
   */
  testFiles?: 'skip';
  /**
   * `skip`: the rule never runs on fixture data (a tool's sample inputs under a test folder, code
   * templates): text no one runs as it is, where what the rule checks is often there on purpose.
   */
  fixtureFiles?: 'skip';
}

/** What a project rule declares on top: `scope: 'project'`. */
export interface ProjectRuleMeta<MessageIds extends string, Options> extends RuleMetaBase<MessageIds, Options> {
  /** The rule runs once per project over the project's file list (see `ProjectRuleContext`). */
  scope: 'project';
}

/** Either kind of rule's meta. */
export type RuleMeta<MessageIds extends string, Options> = FileRuleMeta<MessageIds, Options> | ProjectRuleMeta<MessageIds, Options>;

/** What a rule reports: a syntax node, or a `[start, end)` range of offsets in the file's text. */
export type ReportDescriptor<MessageIds extends string> = {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /**
   * `warn` reports this finding as a warning even where the rule is an error, for what the rule
   * cannot verify rather than knows to be wrong. A report never raises the configured severity.
   */
  severity?: 'warn';
  /** A fix for this finding, of the kind `meta.fixable` says: run only when fixing. */
  fix?: FixFunction;
  /** Changes offered for this finding (`meta.hasSuggestions`), each with a message saying what it does. */
  suggest?: readonly SuggestionDescriptor<MessageIds>[];
} & ({ node: ts.Node; range?: never } | { range: readonly [start: number, end: number]; node?: never });

export interface RuleContext<MessageIds extends string, Options> {
  /** Posix path relative to the workspace root. */
  readonly file: string;
  /** The file's text (without a byte-order mark). */
  readonly text: string;
  /** The syntax tree, parsed on first access; only code files have one. */
  readonly sourceFile: ts.SourceFile;
  readonly options: Options;
  /** True when the file matches the configured test-file globs. */
  readonly isTestFile: boolean;
  /** The workspace's projects and import resolution; only under Nx (the CLI has no project graph). */
  readonly workspace?: WorkspaceView;
  /**
   * Another file's text (workspace-relative posix path), or undefined when it does not exist, is
   * outside the workspace or cannot be read as text. What a rule reads becomes a dependency of the
   * file's result: a stored result is reused only while every file read is unchanged. Rules read
   * files of their own project only (those are the task's inputs).
   */
  readFile(path: string): string | undefined;
  /** A value derived from this file (see `FileService`): computed once per file for every rule that asks. */
  service<T>(service: FileService<T>): T;
  /**
   * A value derived from another file's `text` (which `readFile(path)` gave, so the read is a
   * dependency): computed once per run while that text is unchanged (see `TextService`).
   */
  derive<T>(service: TextService<T>, path: string, text: string): T;
  report(descriptor: ReportDescriptor<MessageIds>): void;
  /** Counts what the rule examined, in its `meta.coverage` unit (a call, a catch clause...). */
  examined(count?: number): void;
  /** Counts what the rule saw but could not judge (an unresolved client, a callee it cannot see). */
  couldNotVerify(count?: number): void;
}

/** Per rule, for one file: what it examined and what it could not verify. */
export type RuleCoverageCounts = Record<string, [examined: number, couldNotVerify: number]>;

/** What a project-scoped rule sees: the project and the paths of all its files, once per run. */
export interface ProjectRuleContext<MessageIds extends string, Options> {
  readonly project: { readonly name: string; readonly root: string; readonly tags: readonly string[] };
  /** Every file of the project (checked or not), posix, relative to the project root, sorted. */
  readonly files: readonly string[];
  readonly options: Options;
  /** `file` is workspace-relative; without one the violation is placed on the project root. */
  report(descriptor: { messageId: MessageIds; data?: Record<string, string | number>; file?: string }): void;
}

/**
 * Visitors keyed by `ts.SyntaxKind` name, e.g. `CallExpression`, plus `Text`, called once with the
 * whole text before the walk. A rule with only a `Text` visitor never causes a parse.
 */
export type RuleVisitors = {
  [K in keyof NodeByKind]?: (node: NodeByKind[K]) => void;
} & {
  Text?: (text: string) => void;
} & {
  [kind: string]: ((node: never) => void) | undefined;
};

/** The node types rules most often visit; any other SyntaxKind name receives a plain `ts.Node`. */
export interface NodeByKind {
  CallExpression: ts.CallExpression;
  CatchClause: ts.CatchClause;
  NewExpression: ts.NewExpression;
  PropertyAccessExpression: ts.PropertyAccessExpression;
  ElementAccessExpression: ts.ElementAccessExpression;
  Identifier: ts.Identifier;
  StringLiteral: ts.StringLiteral;
  NoSubstitutionTemplateLiteral: ts.NoSubstitutionTemplateLiteral;
  TemplateExpression: ts.TemplateExpression;
  TryStatement: ts.TryStatement;
  ImportDeclaration: ts.ImportDeclaration;
  ImportEqualsDeclaration: ts.ImportEqualsDeclaration;
  ExportDeclaration: ts.ExportDeclaration;
  AnyKeyword: ts.KeywordTypeNode;
  NonNullExpression: ts.NonNullExpression;
  SourceFile: ts.SourceFile;
}

/** A rule that checks one file at a time: `create` returns the visitors of its walk. */
export interface FileRule<MessageIds extends string = string, Options = unknown> {
  /** `<category>/<name>`; equals the rule's file path under `rules/`. */
  id: string;
  meta: FileRuleMeta<MessageIds, Options>;
  create(context: RuleContext<MessageIds, Options>): RuleVisitors;
}

/** A rule that checks a project as a whole (its file list), once per run. */
export interface ProjectRule<MessageIds extends string = string, Options = unknown> {
  /** `<category>/<name>`; equals the rule's file path under `rules/`. */
  id: string;
  meta: ProjectRuleMeta<MessageIds, Options>;
  checkProject(context: ProjectRuleContext<MessageIds, Options>): void;
}

export type Rule<MessageIds extends string = string, Options = unknown> = FileRule<MessageIds, Options> | ProjectRule<MessageIds, Options>;

export function isProjectRule<MessageIds extends string, Options>(rule: Rule<MessageIds, Options>): rule is ProjectRule<MessageIds, Options> {
  return rule.meta.scope === 'project';
}

/** A rule with its effective severity and options for one file. */
export interface ActiveRule<R extends Rule = Rule> {
  rule: R;
  severity: Severity;
  options: unknown;
}
