import { fingerprintOf } from '../engine/fingerprint';
import { formatMessage } from '../engine/format-message';
import type { ActiveRule, Notice, ProjectRule, ProjectRuleContext, Violation } from '../engine/types';
import { violationData } from '../engine/violation-data';
import { projectPathPrefix, rootFolder } from '../engine/workspace-paths';
import type { FileResult } from './file-result';

/** The project a run covers, as project-scoped rules see it. */
export interface ProjectInfo {
  name: string;
  /** Posix, relative to the workspace root; `.` for a root project. */
  root: string;
  tags: readonly string[];
}

export interface ProjectCheckResult {
  violations: Violation[];
  notices: Notice[];
}

/**
 * Runs the project-scoped rules once over the project's file list (paths only: nothing is read).
 * A violation without a file is placed on the project root, at 1:1. A rule that throws is skipped
 * with a notice, like a file rule.
 */
export function checkProject(project: ProjectInfo, workspaceFiles: readonly string[], rules: readonly ActiveRule<ProjectRule>[]): ProjectCheckResult {
  if (rules.length === 0) return { violations: [], notices: [] };
  const prefix = projectPathPrefix(project.root);
  const files = workspaceFiles
    .filter((file) => file.startsWith(prefix))
    .map((file) => file.slice(prefix.length))
    .sort();
  const rootPath = rootFolder(project.root);
  const violations: Violation[] = [];
  const notices: Notice[] = [];
  const occurrences = new Map<string, number>();
  for (const { rule, severity, options } of rules) {
    const messages = rule.meta.messages as Record<string, string>;
    const context: ProjectRuleContext<string, unknown> = {
      project: { name: project.name, root: rootPath, tags: [...project.tags] },
      files,
      options,
      report({ messageId, data, file }) {
        const template = messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${messageId}"`);
        const message = formatMessage(template, data);
        const hintTemplate = (rule.meta.hints as Record<string, string | undefined> | undefined)?.[messageId];
        const target = file ?? rootPath;
        const key = `${rule.id}\0${target}\0${message}`;
        const occurrence = occurrences.get(key) ?? 0;
        occurrences.set(key, occurrence + 1);
        const stored = violationData(data);
        violations.push({
          ruleId: rule.id,
          severity,
          file: target,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message,
          // The message stands in for the flagged line: the finding has no line of its own.
          fingerprint: fingerprintOf({ ruleId: rule.id, file: target, lineText: message, occurrence }),
          ...(hintTemplate ? { hint: formatMessage(hintTemplate, data) } : {}),
          messageId,
          ...(stored ? { data: stored } : {}),
        });
      },
    };
    try {
      rule.checkProject(context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notices.push({
        file: rootPath,
        code: 'rule-error',
        message: `${rootPath}: rule ${rule.id} failed on project ${project.name} and was skipped: ${reason}`,
      });
    }
  }
  return { violations, notices };
}

/**
 * The project's findings, handed to the file results they belong to as those results go by; what
 * is left at the end (the project root, a file nothing else checks) becomes results of its own.
 */
export class ProjectFindings {
  private readonly byFile = new Map<string, ProjectCheckResult>();

  constructor(found: ProjectCheckResult) {
    const of = (file: string) => {
      let entry = this.byFile.get(file);
      if (!entry) this.byFile.set(file, (entry = { violations: [], notices: [] }));
      return entry;
    };
    for (const violation of found.violations) of(violation.file).violations.push(violation);
    for (const notice of found.notices) of(notice.file).notices.push(notice);
  }

  /** Adds the file's findings to its result (once: a file has one result). */
  addTo(result: FileResult): FileResult {
    const entry = this.byFile.get(result.file);
    if (!entry) return result;
    this.byFile.delete(result.file);
    return { ...result, violations: [...result.violations, ...entry.violations], notices: [...result.notices, ...entry.notices] };
  }

  /** Results for the findings no file result took. */
  rest(): FileResult[] {
    const results = [...this.byFile].map(([file, entry]): FileResult => ({ file, ...entry, rules: [] }));
    this.byFile.clear();
    return results;
  }
}

/** Adds each project finding to its file's result, or to a result of its own (the project root, or a file nothing else checks). */
export function mergeProjectFindings(results: FileResult[], found: ProjectCheckResult): FileResult[] {
  const findings = new ProjectFindings(found);
  return [...results.map((result) => findings.addTo(result)), ...findings.rest()];
}
