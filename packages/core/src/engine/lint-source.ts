import { posix } from 'node:path';
import { ts } from '../../lazy/typescript';
import { isOffsetInComment } from './comment-position';
import { contentDigest, MISSING_DEPENDENCY } from './content-digest';
import { fingerprinter, normaliseLine } from './fingerprint';
import { formatMessage } from './format-message';
import { LineIndex } from './line-index';
import { PARSE_TIMING_ID, type RuleTimings } from './rule-timings';
import { printable } from './printable';
import { maskSecrets } from './secret-mask';
import { isFixtureFile, scriptKindOf } from './source-kinds';
import {
  MISSING_REASON_ID,
  parseDirectives,
  parseOtherLinterDirectives,
  Suppressions,
  UNUSED_SUPPRESSION_ID,
  type Directive,
  type OtherLinterNames,
} from './suppressions';
import type { WorkspaceView } from './workspace-view';
import { createFixer } from './rule-fixer';
import { FileServices, RunServices } from './rule-services';
import { violationData } from './violation-data';
import {
  isProjectRule,
  type ActiveRule,
  type FileRule,
  type FixableViolation,
  type FixFunction,
  type Notice,
  type ReportDescriptor,
  type RuleContext,
  type RuleCoverageCounts,
  type RuleFixKind,
  type Severity,
  type SuggestionDescriptor,
  type Violation,
} from './types';

export interface LintSourceInput {
  /** Posix path relative to the workspace root. */
  file: string;
  text: string;
  /** The rules that apply to this file (for a non-code file: the rules that scan it as text). */
  rules: readonly ActiveRule[];
  isTestFile: boolean;
  /** Report `enforcer-disable…` comments that suppress nothing. */
  reportUnusedSuppressions?: boolean;
  workspace?: WorkspaceView;
  /** When given, the time of each rule (and of parsing) is added to it. */
  timings?: RuleTimings;
  /** Reads another workspace file for rules that need one (`context.readFile`); without it they read nothing. */
  readFile?: (path: string) => string | undefined;
  /**
   * Whether a rule may read a path through `context.readFile`: under Nx, only files that are inputs
   * of the task, so that a change to any file a result depends on re-runs it instead of replaying it
   * from the cache. A refused read gives the rule nothing and the file a `not-an-input` notice.
   */
  canRead?: (path: string, ruleId: string) => boolean;
  /** Return the fixes rules offered, with their violations (for `--fix`). */
  collectFixes?: boolean;
  /** Values rules derived from other files' texts, kept across the files of a run; without it, across this call only. */
  services?: RunServices;
  /**
   * Honour other linters' suppression comments that name an equivalent rule (`eslint-disable-next-line
   * no-console`, `# noqa: T201`). Default true; the config's `otherLinterSuppressions: false` turns it off.
   */
  otherLinterSuppressions?: boolean;
}

export interface LintSourceResult {
  violations: Violation[];
  notices: Notice[];
  /** The other files rules read, each with a digest of what was read (`-` for none): the result holds while they are unchanged. */
  dependencies?: Record<string, string>;
  /** Only with `collectFixes`: the violations (after suppressions) that came with a fix. */
  fixes?: FixableViolation[];
  /** What rules counted (`context.examined()`, `context.couldNotVerify()`), for rules that counted something. */
  coverage?: RuleCoverageCounts;
}

/** Rule id of the violation reported for a file TypeScript's parser rejects. */
export const PARSE_ERROR_RULE_ID = 'parse-error';

interface PendingReport {
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  hint?: string;
  messageId: string;
  data?: Record<string, string>;
  /** Run only when fixes are asked for, after suppressions: a suppressed finding's fix is never computed. */
  fix?: { kind: RuleFixKind; compute: FixFunction };
  /** The message of each is formatted only when fixing, too. */
  suggest?: readonly { messageId: string; message: () => string; compute: FixFunction }[];
}

/** Hints of the engine's own findings, which no rule declares. */
const PARSE_ERROR_HINT = 'Fix the syntax error at this position; if the file is generated, add it to `ignores` in enforcer.config.json.';

type Visitor = (node: ts.Node) => void;

/**
 * Checks one file's text against the active rules: pure (text in, violations out). `Text` visitors
 * run first; a code file is then parsed (once, for its syntax errors, even when no rule visits
 * syntax nodes), and one walk dispatches every node to the rules that asked for its kind. Nothing of the syntax tree outlives the call, so memory
 * does not grow with the number of files checked.
 */
export function lintSource(input: LintSourceInput): LintSourceResult {
  const scriptKind = scriptKindOf(input.file);
  const fixture = isFixtureFile(input.file);
  const checksSuppressions = input.reportUnusedSuppressions === true && input.text.includes('enforcer-');
  const rules = input.rules.filter(
    (active): active is ActiveRule<FileRule> => isFileRuleFor(active, input.isTestFile, fixture) && (checksSuppressions || mayMatch(active, input.text)),
  );
  // A code file any rule is on for is parsed once even where no rule's keyword occurs: a syntax
  // error is a finding, never a silent pass.
  const checksSyntax = scriptKind !== undefined && input.rules.length > 0;
  if (rules.length === 0 && !checksSyntax) return { violations: [], notices: [] };

  const lines = new LineIndex(input.text);
  const tree = new LazyTree(input.file, input.text, scriptKind, input.timings);
  const timings = input.timings;
  const timed = (ruleId: string, action: () => void): void => (timings ? timings.measure(ruleId, action) : action());
  const reports: PendingReport[] = [];
  const notices: Notice[] = [];
  const reader = new DependencyRecorder(input.file, input.readFile, input.canRead);
  const coverage: RuleCoverageCounts = {};
  const services = {
    run: input.services ?? new RunServices(),
    file: new FileServices({
      file: input.file,
      text: input.text,
      get sourceFile() {
        return tree.sourceFile();
      },
    }),
  };
  const textVisitors: Array<{ ruleId: string; visit: (text: string) => void }> = [];
  const nodeVisitors = new Map<ts.SyntaxKind, Array<{ ruleId: string; visit: Visitor }>>();

  for (const active of rules) {
    try {
      let visitors: ReturnType<typeof active.rule.create> = {};
      timed(active.rule.id, () => {
        visitors = active.rule.create(createContext(active, input, tree, reports, reader, coverage, services));
      });
      for (const [kindName, visit] of Object.entries(visitors)) {
        if (visit === undefined) continue;
        if (kindName === 'Text') {
          textVisitors.push({ ruleId: active.rule.id, visit: visit as (text: string) => void });
          continue;
        }
        const kind = ts.SyntaxKind[kindName as keyof typeof ts.SyntaxKind];
        if (kind === undefined || scriptKind === undefined) continue;
        const list = nodeVisitors.get(kind) ?? [];
        list.push({ ruleId: active.rule.id, visit: visit as Visitor });
        nodeVisitors.set(kind, list);
      }
    } catch (error) {
      notices.push(ruleErrorNotice(input.file, active.rule.id, error));
    }
  }

  const failedRules = new Set<string>();
  const run = (ruleId: string, action: () => void) => {
    if (failedRules.has(ruleId)) return;
    try {
      timed(ruleId, action);
    } catch (error) {
      // One broken rule must not hide the findings of the others.
      failedRules.add(ruleId);
      notices.push(ruleErrorNotice(input.file, ruleId, error));
    }
  };

  for (const { ruleId, visit } of textVisitors) run(ruleId, () => visit(input.text));

  if (nodeVisitors.size > 0 || checksSyntax) {
    const parsed = tree.parse();
    if ('error' in parsed) {
      // The parser recovers from errors, but rules walking a recovered tree report nonsense: keep
      // only what the text visitors found, plus the parse error.
      const textOnly = new Set(textVisitors.map((visitor) => visitor.ruleId));
      const kept = reports.filter((report) => textOnly.has(report.ruleId));
      reports.length = 0;
      // Fixture data is often invalid on purpose (a parser's `_error_` cases): its parse errors are
      // no finding. Other test files' are shown, and do not block.
      if (isFixtureFile(input.file)) reports.push(...kept);
      else reports.push(input.isTestFile ? { ...parsed.error, severity: 'warn' } : parsed.error, ...kept);
    } else if (nodeVisitors.size > 0) {
      walk(parsed.sourceFile, (node) => {
        const visitors = nodeVisitors.get(node.kind);
        if (visitors) for (const { ruleId, visit } of visitors) run(ruleId, () => visit(node));
      });
    }
  }

  const inComment = (offset: number) => isInComment(tree, offset);
  const directives = parseDirectives(input.text, lines, inComment);
  if (input.otherLinterSuppressions !== false && reports.length > 0)
    directives.push(...parseOtherLinterDirectives(input.text, lines, inComment, otherLinterNamesOf(input.rules)));
  const kept = withFingerprints(applySuppressions(reports, directives, lines, input), lines, input.file);
  const violations = kept.map(({ violation }) => violation);
  for (const [ruleId, paths] of [...reader.refused].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    notices.push(notAnInputNotice(input.file, ruleId, [...paths].sort()));
  const dependencies = reader.dependencies();
  const result: LintSourceResult = dependencies ? { violations, notices, dependencies } : { violations, notices };
  const counted = Object.keys(coverage).sort();
  if (counted.length > 0) result.coverage = Object.fromEntries(counted.map((ruleId) => [ruleId, coverage[ruleId]]));
  if (input.collectFixes) result.fixes = computeFixes(kept, tree, input.file, notices);
  return result;
}

/** A per-file rule that runs on this file: project rules never do, nor `testFiles` / `fixtureFiles: 'skip'` rules on such files. */
function isFileRuleFor(active: ActiveRule, isTestFile: boolean, isFixture: boolean): active is ActiveRule<FileRule> {
  if (isProjectRule(active.rule)) return false;
  return !(isTestFile && active.rule.meta.testFiles === 'skip') && !(isFixture && active.rule.meta.fixtureFiles === 'skip');
}

/** Other linters' rule names to our rule ids, built once per rule list (one per configuration and file kind). */
const otherLinterNames = new WeakMap<readonly ActiveRule[], OtherLinterNames>();
function otherLinterNamesOf(rules: readonly ActiveRule[]): OtherLinterNames {
  let names = otherLinterNames.get(rules);
  if (!names) {
    const eslint = new Map<string, string[]>();
    const python = new Map<string, string[]>();
    for (const { rule } of rules) {
      for (const name of rule.meta.equivalents?.eslint ?? []) eslint.set(name, [...(eslint.get(name) ?? []), rule.id]);
      for (const name of rule.meta.equivalents?.python ?? []) python.set(name, [...(python.get(name) ?? []), rule.id]);
    }
    names = { eslint, python };
    otherLinterNames.set(rules, names);
  }
  return names;
}

/**
 * Runs the fix functions of the findings that survived suppressions, each tied to its violation.
 * A fix function that throws costs that fix only (a notice says so), never the run.
 */
function computeFixes(findings: readonly Finding[], tree: LazyTree, file: string, notices: Notice[]): FixableViolation[] {
  const sourceFile = () => tree.sourceFile();
  const fixes: FixableViolation[] = [];
  for (const { report, violation } of findings) {
    const attempt = (kind: FixableViolation['fix']['kind'], compute: FixFunction, suggestion?: FixableViolation['suggestion']) => {
      try {
        const fix = createFixer(sourceFile).run(kind, compute);
        if (fix) fixes.push(suggestion ? { violation, fix, suggestion } : { violation, fix });
      } catch (error) {
        notices.push(ruleErrorNotice(file, report.ruleId, error, 'its fix failed and was not offered'));
      }
    };
    if (report.fix) attempt(report.fix.kind, report.fix.compute);
    for (const suggestion of report.suggest ?? [])
      attempt('suggestion', suggestion.compute, { messageId: suggestion.messageId, message: suggestion.message() });
  }
  return fixes;
}

function mayMatch(active: ActiveRule<FileRule>, text: string): boolean {
  const keywords = active.rule.meta.keywords;
  return !keywords || keywords.length === 0 || keywords.some((keyword) => (typeof keyword === 'string' ? text.includes(keyword) : keyword.test(text)));
}

/** Parses on first use, once; code files only. */
class LazyTree {
  private result?: { sourceFile: ts.SourceFile } | { error: PendingReport };

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly scriptKind: ts.ScriptKind | undefined,
    private readonly timings?: RuleTimings,
  ) {}

  get isCode(): boolean {
    return this.scriptKind !== undefined;
  }

  parse(): { sourceFile: ts.SourceFile } | { error: PendingReport } {
    if (this.result) return this.result;
    if (this.scriptKind === undefined) throw new Error(`${this.file} is not a code file; it has no syntax tree`);
    const started = this.timings ? performance.now() : 0;
    try {
      const sourceFile = ts.createSourceFile(this.file, this.text, ts.ScriptTarget.Latest, true, this.scriptKind);
      const error = firstParseError(sourceFile);
      this.result = error ? { error } : { sourceFile };
    } catch (error) {
      // TypeScript's parser recurses per nesting level; pathological nesting exhausts the stack.
      if (!(error instanceof RangeError)) throw error;
      this.result = {
        error: {
          ruleId: PARSE_ERROR_RULE_ID,
          messageId: 'tooDeep',
          severity: 'error',
          start: 0,
          end: 0,
          message: 'Parsing error: the file is nested too deeply to parse',
          hint: 'Flatten the nesting (split the expression or data into named parts); if the file is generated, add it to `ignores` in enforcer.config.json.',
        },
      };
    }
    // Parse time is not any one rule's: it is charged once, to its own line of the profile.
    this.timings?.addNested(PARSE_TIMING_ID, performance.now() - started);
    return this.result;
  }

  sourceFile(): ts.SourceFile {
    const parsed = this.parse();
    if ('error' in parsed) throw new Error(`${this.file} does not parse: ${parsed.error.message}`);
    return parsed.sourceFile;
  }
}

/** Serves `context.readFile` and remembers what each path gave, so the result can name its dependencies. */
class DependencyRecorder {
  private readonly read = new Map<string, string>();
  /** Paths refused per rule: one notice each. */
  readonly refused = new Map<string, Set<string>>();

  constructor(
    private readonly file: string,
    private readonly readFile?: (path: string) => string | undefined,
    private readonly canRead?: (path: string, ruleId: string) => boolean,
  ) {}

  readText(path: string, ruleId: string): string | undefined {
    const normalised = posix.normalize(path.replace(/\\/g, '/'));
    // Outside the workspace, absolute, or the file itself: nothing to depend on.
    if (normalised.startsWith('../') || normalised === '..' || normalised.startsWith('/') || normalised === this.file || !this.readFile) return undefined;
    if (this.canRead && !this.canRead(normalised, ruleId)) {
      const paths = this.refused.get(ruleId) ?? new Set<string>();
      this.refused.set(ruleId, paths.add(normalised));
      // Recorded as missing, which is what the rule saw: once the file may be read, its digest differs.
      this.read.set(normalised, MISSING_DEPENDENCY);
      return undefined;
    }
    const text = this.readFile(normalised);
    this.read.set(normalised, text === undefined ? MISSING_DEPENDENCY : contentDigest(text));
    return text;
  }

  dependencies(): Record<string, string> | undefined {
    if (this.read.size === 0) return undefined;
    return Object.fromEntries([...this.read].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

function createContext(
  active: ActiveRule<FileRule>,
  input: LintSourceInput,
  tree: LazyTree,
  reports: PendingReport[],
  reader: DependencyRecorder,
  coverage: RuleCoverageCounts,
  services: { run: RunServices; file: FileServices },
): RuleContext<string, unknown> {
  const messages = active.rule.meta.messages as Record<string, string>;
  const count = (index: 0 | 1, amount: number) => {
    const counts = (coverage[active.rule.id] ??= [0, 0]);
    counts[index] += amount;
  };
  return {
    examined: (amount = 1) => count(0, amount),
    couldNotVerify: (amount = 1) => count(1, amount),
    file: input.file,
    text: input.text,
    get sourceFile() {
      return tree.sourceFile();
    },
    options: active.options,
    isTestFile: input.isTestFile,
    workspace: input.workspace,
    readFile: (path: string) => reader.readText(path, active.rule.id),
    service: (service) => services.file.get(service),
    derive: (service, path, text) => services.run.derive(service, path, text),
    report(descriptor: ReportDescriptor<string>) {
      const template = messages[descriptor.messageId];
      if (template === undefined) {
        throw new Error(`rule ${active.rule.id} reported unknown messageId "${descriptor.messageId}"`);
      }
      const [start, end] = descriptor.node ? [descriptor.node.getStart(tree.sourceFile()), descriptor.node.getEnd()] : descriptor.range;
      const hintTemplate = (active.rule.meta.hints as Record<string, string | undefined> | undefined)?.[descriptor.messageId];
      const data = violationData(descriptor.data);
      reports.push({
        ruleId: active.rule.id,
        severity: descriptor.severity === 'warn' ? 'warn' : active.severity,
        start,
        end,
        message: formatMessage(template, descriptor.data),
        ...(hintTemplate ? { hint: formatMessage(hintTemplate, descriptor.data) } : {}),
        messageId: descriptor.messageId,
        ...(data ? { data } : {}),
        ...(descriptor.fix ? { fix: { kind: fixKindOf(active.rule), compute: fixFunction(active.rule.id, descriptor.fix) } } : {}),
        ...(descriptor.suggest && descriptor.suggest.length > 0 ? { suggest: suggestionsOf(active.rule, messages, descriptor.suggest) } : {}),
      });
    },
  };
}

function fixKindOf(rule: FileRule): RuleFixKind {
  if (rule.meta.fixable === undefined) throw new Error(`rule ${rule.id} reported a fix but its meta.fixable does not say of which kind (safe or dangerous)`);
  return rule.meta.fixable;
}

function fixFunction(ruleId: string, fix: unknown): FixFunction {
  // Rules written for the eager API handed over data; say so by name instead of failing later.
  if (typeof fix !== 'function')
    throw new Error(`rule ${ruleId} reported a fix that is not a function: a fix is \`fix: (fixer) => fixer.replaceText(...)\`, computed only when fixing`);
  return fix as FixFunction;
}

function suggestionsOf(
  rule: FileRule,
  messages: Record<string, string>,
  suggestions: readonly SuggestionDescriptor<string>[],
): NonNullable<PendingReport['suggest']> {
  // The summary's fix commands and the docs name the rules that suggest by their meta.
  if (rule.meta.hasSuggestions !== true) throw new Error(`rule ${rule.id} offered suggestions but its meta.hasSuggestions is not true`);
  return suggestions.map((suggestion) => suggestionOf(rule.id, messages, suggestion));
}

function suggestionOf(
  ruleId: string,
  messages: Record<string, string>,
  suggestion: SuggestionDescriptor<string>,
): NonNullable<PendingReport['suggest']>[number] {
  const template = messages[suggestion.messageId];
  if (template === undefined) throw new Error(`rule ${ruleId} suggested a change with unknown messageId "${suggestion.messageId}"`);
  return {
    messageId: suggestion.messageId,
    message: () => printable(maskSecrets(formatMessage(template, suggestion.data))),
    compute: fixFunction(ruleId, suggestion.fix),
  };
}

/** Depth-first, in source order, with an explicit stack: deep nesting cannot overflow the call stack. */
function walk(root: ts.Node, visit: Visitor): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    visit(node);
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    while (children.length > 0) stack.push(children.pop() as ts.Node);
  }
}

/** Text files have no syntax, so a directive anywhere counts; in code it must be in a comment. */
function isInComment(tree: LazyTree, offset: number): boolean {
  if (!tree.isCode) return true;
  const parsed = tree.parse();
  return 'error' in parsed || isOffsetInComment(parsed.sourceFile, offset);
}

/** `category/name` (workspace rules too, `@scope/…` included): what a suppression may name. */
const RULE_ID = /^@?[a-z0-9][\w.-]*\/[\w./-]+$/i;

function applySuppressions(reports: PendingReport[], directives: readonly Directive[], lines: LineIndex, input: LintSourceInput): PendingReport[] {
  if (directives.length === 0) return reports;
  const suppressions = new Suppressions(directives);
  const kept = reports.filter(
    (report) =>
      report.ruleId === PARSE_ERROR_RULE_ID ||
      !suppressions.suppresses({ ruleId: report.ruleId, start: report.start, line: lines.positionOf(report.start).line }),
  );
  for (const directive of suppressions.withoutReason()) {
    // Only rule ids are quoted back: the rest of the comment may hold anything (a revoked key
    // written after a single dash), and messages are stored, cached and printed.
    const ids = directive.rules.filter((rule) => RULE_ID.test(rule));
    const others = directive.rules.length - ids.length;
    const named = `enforcer-${directive.kind}${ids.length > 0 ? ` ${ids.join(', ')}` : ''}`;
    const otherWords = others > 0 ? `; ${others} word${others === 1 ? '' : 's'} after the rule ids ${others === 1 ? 'is' : 'are'} not a rule id` : '';
    kept.push({
      ruleId: MISSING_REASON_ID,
      messageId: 'missingReason',
      severity: 'warn',
      start: directive.start,
      end: directive.end,
      message: `Suppression without a reason: add " -- <why>" after the rule ids (${named} -- <why>)${otherWords}.`,
      hint: `Write why the rule does not apply here after " -- " (two dashes between spaces), e.g. ${named} -- generated code, checked upstream.`,
    });
  }
  // Only rule ids are quoted back (see above).
  const named = (rules: readonly string[]) => (rules.some((rule) => RULE_ID.test(rule)) ? `${rules.filter((rule) => RULE_ID.test(rule)).join(', ')} ` : '');
  if (input.reportUnusedSuppressions) {
    for (const directive of suppressions.unused()) {
      kept.push({
        ruleId: UNUSED_SUPPRESSION_ID,
        messageId: 'unusedSuppression',
        severity: 'warn',
        start: directive.start,
        end: directive.end,
        message: `Unused suppression: no ${named(directive.rules)}violation here to suppress; remove the comment.`,
        hint: 'Delete this enforcer-disable comment: the code it covered no longer violates the rule.',
      });
    }
  }
  return kept;
}

function firstParseError(sourceFile: ts.SourceFile): PendingReport | undefined {
  // `parseDiagnostics` is not in the public typings but is how the compiler exposes syntax errors
  // without building a Program (which would cost a type checker per file).
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const start = first.start ?? 0;
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    messageId: 'syntaxError',
    severity: 'error',
    start,
    end: start + (first.length ?? 0),
    message: `Parsing error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
    hint: PARSE_ERROR_HINT,
  };
}

function sortReports(reports: readonly PendingReport[]): PendingReport[] {
  return [...reports].sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** A kept report and the violation made of it: a fix is computed from the one for the other. */
interface Finding {
  report: PendingReport;
  violation: Violation;
}

function withFingerprints(reports: PendingReport[], lines: LineIndex, file: string): Finding[] {
  // Per line its normalised text, once; identical texts share an id, so a rule's findings on
  // identical lines count their occurrences together. Each (rule, text) is hashed once: many
  // findings on one long line cost a line's worth of work, not one per finding.
  const textIds = new Map<string, number>();
  const lineTexts = new Map<number, { id: number; normalised: string }>();
  const textOf = (line: number) => {
    let entry = lineTexts.get(line);
    if (!entry) {
      const normalised = normaliseLine(lines.lineText(line));
      let id = textIds.get(normalised);
      if (id === undefined) textIds.set(normalised, (id = textIds.size));
      lineTexts.set(line, (entry = { id, normalised }));
    }
    return entry;
  };
  const occurrences = new Map<string, number>();
  const hashers = new Map<string, (occurrence: number) => string>();
  return sortReports(reports).map((report) => {
    const start = lines.positionOf(report.start);
    const end = lines.positionOf(report.end);
    const text = textOf(start.line);
    const key = `${report.ruleId}\0${text.id}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    let hasher = hashers.get(key);
    if (!hasher) hashers.set(key, (hasher = fingerprinter(report.ruleId, file, text.normalised)));
    const violation: Violation = {
      ruleId: report.ruleId,
      severity: report.severity,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      // Whatever a rule or the parser put in the text, no output holds a secret in full.
      message: printable(maskSecrets(report.message)),
      fingerprint: hasher(occurrence),
      ...(report.hint ? { hint: printable(maskSecrets(report.hint)) } : {}),
      messageId: report.messageId,
      ...(report.data ? { data: report.data } : {}),
    };
    return { report, violation };
  });
}

function notAnInputNotice(file: string, ruleId: string, paths: readonly string[]): Notice {
  const named = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
  const message =
    `${file}: rule ${ruleId} could not read ${named}: not an input of this task (git-ignored, or outside the project and ` +
    `the files the rule declares in meta.reads), so a change there would not re-run it; the rule saw no file there`;
  return { file, code: 'not-an-input', message: printable(maskSecrets(message)) };
}

function ruleErrorNotice(file: string, ruleId: string, error: unknown, outcome = 'failed on this file and was skipped for it'): Notice {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, code: 'rule-error', message: printable(maskSecrets(`${file}: rule ${ruleId} ${outcome}: ${reason}`)) };
}
