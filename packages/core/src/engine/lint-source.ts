import { ts } from 'ts-morph';
import { fingerprintOf, normaliseLine } from './fingerprint';
import { formatMessage } from './format-message';
import { scriptKindOf } from './source-kinds';
import type { ActiveRule, Notice, RuleContext, Severity, Violation } from './types';

export interface LintSourceInput {
  /** Posix path relative to the workspace root. */
  file: string;
  text: string;
  rules: readonly ActiveRule[];
  isTestFile: boolean;
}

export interface LintSourceResult {
  violations: Violation[];
  notices: Notice[];
}

/** Rule id of the violation reported for a file TypeScript's parser rejects. */
export const PARSE_ERROR_RULE_ID = 'parse-error';

interface PendingReport {
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
}

type Visitor = (node: ts.Node) => void;

/**
 * Checks one file's text against the active rules: pure (text in, violations out), one parse, one
 * walk that dispatches every node to the rules that asked for its kind. Nothing of the syntax tree
 * outlives the call, so memory does not grow with the number of files checked.
 */
export function lintSource(input: LintSourceInput): LintSourceResult {
  const scriptKind = scriptKindOf(input.file);
  const rules = input.rules.filter((active) => mayMatch(active, input.text));
  if (scriptKind === undefined || rules.length === 0) {
    return { violations: [], notices: [] };
  }

  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(input.file, input.text, ts.ScriptTarget.Latest, true, scriptKind);
  } catch (error) {
    // TypeScript's parser recurses per nesting level; pathological nesting exhausts the stack.
    if (!(error instanceof RangeError)) throw error;
    return { violations: [unparsableFile(input.file, 'the file is nested too deeply to parse')], notices: [] };
  }
  const parseError = firstParseError(sourceFile);
  if (parseError) {
    // The parser recovers from errors, but rules walking a recovered tree report nonsense.
    return { violations: [withFingerprints(sourceFile, input.file, [parseError])[0]], notices: [] };
  }

  const reports: PendingReport[] = [];
  const notices: Notice[] = [];
  const visitorsByKind = new Map<ts.SyntaxKind, Visitor[]>();
  const ruleOfVisitor = new Map<Visitor, string>();

  for (const active of rules) {
    const context = createContext(active, input, sourceFile, reports);
    try {
      const visitors = active.rule.create(context);
      for (const [kindName, visitor] of Object.entries(visitors)) {
        const kind = ts.SyntaxKind[kindName as keyof typeof ts.SyntaxKind];
        if (visitor === undefined || kind === undefined) continue;
        const list = visitorsByKind.get(kind) ?? [];
        list.push(visitor as Visitor);
        visitorsByKind.set(kind, list);
        ruleOfVisitor.set(visitor as Visitor, active.rule.id);
      }
    } catch (error) {
      notices.push(ruleErrorNotice(input.file, active.rule.id, error));
    }
  }

  const failedRules = new Set<string>();
  walk(sourceFile, (node) => {
    const visitors = visitorsByKind.get(node.kind);
    if (!visitors) return;
    for (const visitor of visitors) {
      const ruleId = ruleOfVisitor.get(visitor) as string;
      if (failedRules.has(ruleId)) continue;
      try {
        visitor(node);
      } catch (error) {
        // One broken rule must not hide the findings of the others.
        failedRules.add(ruleId);
        notices.push(ruleErrorNotice(input.file, ruleId, error));
      }
    }
  });

  return { violations: withFingerprints(sourceFile, input.file, reports), notices };
}

function mayMatch(active: ActiveRule, text: string): boolean {
  const keywords = active.rule.meta.keywords;
  return !keywords || keywords.length === 0 || keywords.some((keyword) => text.includes(keyword));
}

function createContext(
  active: ActiveRule,
  input: LintSourceInput,
  sourceFile: ts.SourceFile,
  reports: PendingReport[],
): RuleContext<string, unknown> {
  const messages = active.rule.meta.messages as Record<string, string>;
  return {
    file: input.file,
    sourceFile,
    options: active.options,
    isTestFile: input.isTestFile,
    report({ node, messageId, data }) {
      const template = messages[messageId];
      if (template === undefined) {
        throw new Error(`rule ${active.rule.id} reported unknown messageId "${messageId}"`);
      }
      reports.push({
        ruleId: active.rule.id,
        severity: active.severity,
        start: node.getStart(sourceFile),
        end: node.getEnd(),
        message: formatMessage(template, data),
      });
    },
  };
}

/** Depth-first, in source order, with an explicit stack: deeply nested input cannot overflow the call stack. */
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

function firstParseError(sourceFile: ts.SourceFile): PendingReport | undefined {
  // `parseDiagnostics` is not in the public typings but is how the compiler exposes syntax errors
  // without building a Program (which would cost a type checker per file).
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const start = first.start ?? 0;
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    severity: 'error',
    start,
    end: start + (first.length ?? 0),
    message: `Parsing error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
  };
}

function unparsableFile(file: string, reason: string): Violation {
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    severity: 'error',
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: `Parsing error: ${reason}`,
    fingerprint: fingerprintOf({ ruleId: PARSE_ERROR_RULE_ID, file, lineText: reason, occurrence: 0 }),
  };
}

function withFingerprints(sourceFile: ts.SourceFile, file: string, reports: PendingReport[]): Violation[] {
  const lineStarts = sourceFile.getLineStarts();
  const text = sourceFile.text;
  const occurrences = new Map<string, number>();
  return [...reports]
    .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
    .map((report) => {
      const start = sourceFile.getLineAndCharacterOfPosition(report.start);
      const end = sourceFile.getLineAndCharacterOfPosition(report.end);
      const lineText = text.slice(lineStarts[start.line], lineStarts[start.line + 1] ?? text.length);
      const key = `${report.ruleId}\0${normaliseLine(lineText)}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      return {
        ruleId: report.ruleId,
        severity: report.severity,
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        message: report.message,
        fingerprint: fingerprintOf({ ruleId: report.ruleId, file, lineText, occurrence }),
      };
    });
}

function ruleErrorNotice(file: string, ruleId: string, error: unknown): Notice {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, code: 'rule-error', message: `rule ${ruleId} failed on this file and was skipped for it: ${reason}` };
}
