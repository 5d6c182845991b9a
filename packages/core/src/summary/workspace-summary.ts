import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rule } from '../engine/types';
import { AGENT_REPORT_FILE, BLOCK_FILE, STATUS_FILE, VIOLATIONS_FILE, WORKSPACE_SARIF_FILE } from '../output-names';
import { escapeMarkdown } from '../reporters/markdown';
import { formatSarif } from '../reporters/sarif';
import { compareStrings, compareViolations, REPORT_VERSION, REPORT_VIOLATION_LIMIT, type ReportedViolation, type RunReport } from '../runner/run-report';
import { writeFileAtomic } from '../session/atomic-write';
import { buildAgentReport, formatAgentReport } from './agent-report';
import { formatBlock } from './block-markdown';
import type { BlockingViolation } from './fix-order';
import type { CommandStyle } from './fix-command';
import { SUMMARY_LIMITS } from './summary-limits';
import { uncheckedReports } from './unchecked-reports';
import { plural } from '../service/verdict';
import { recheckCommandOf } from './fix-command';

// Still exported from here: it is part of the public API (index.ts) under this module.
export { SUMMARY_LIMITS };

import type { Counts, SummaryStatus, WorkspaceSummary } from './summary-types';

export type { SummaryStatus, WorkspaceSummary } from './summary-types';

/**
 * Merges per-project `report.json` files, reading one at a time, into counts per project, per rule
 * and per file, plus the new violations (capped). Order of the inputs does not matter: everything
 * is sorted, so the summary is byte-identical on every machine.
 */
export async function summariseReports(
  reportFiles: readonly { path: string; displayPath: string; failed?: boolean; rechecked?: boolean }[],
): Promise<{ summary: WorkspaceSummary; violations: ReportedViolation[] }> {
  const projects: WorkspaceSummary['projects'] = [];
  const rules = new Map<string, Counts>();
  const files = new Map<string, number>();
  const newViolations: ReportedViolation[] = [];
  const allViolations: ReportedViolation[] = [];
  const blocking: BlockingViolation[] = [];
  const unreadable: string[] = [];
  const stale: string[] = [];
  const notRechecked: string[] = [];
  let unlisted = 0;
  for (const { path, displayPath, failed, rechecked } of reportFiles) {
    const report = await readReport(path);
    if (!report) {
      unreadable.push(displayPath);
      continue;
    }
    // A failed task writes a report only when it found new errors (or more warnings than allowed):
    // one with neither is an old one, left by a run before the task failed without writing.
    if (failed && report.summary.newErrors === 0 && report.summary.newWarnings === 0) {
      stale.push(displayPath);
      continue;
    }
    const { summary } = report;
    if (rechecked === false) notRechecked.push(report.project ?? displayPath);
    unlisted += report.unlisted ?? 0;
    projects.push({
      project: report.project ?? displayPath,
      filesChecked: summary.filesChecked,
      newErrors: summary.newErrors,
      newWarnings: summary.newWarnings,
      historical: summary.historical,
    });
    for (const violation of report.violations) {
      const counts = rules.get(violation.ruleId) ?? { newErrors: 0, newWarnings: 0, historical: 0 };
      if (violation.scope === 'historical') counts.historical++;
      else if (violation.severity === 'error') counts.newErrors++;
      else counts.newWarnings++;
      rules.set(violation.ruleId, counts);
      allViolations.push(violation);
      if (violation.scope === 'new') {
        files.set(violation.file, (files.get(violation.file) ?? 0) + 1);
        newViolations.push(violation);
        if (violation.severity === 'error') blocking.push(report.project === undefined ? violation : { ...violation, project: report.project });
      }
    }
  }
  const byImportance = (a: ReportedViolation, b: ReportedViolation) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId);
  newViolations.sort(byImportance);
  allViolations.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
  const sum = (key: keyof Counts) => projects.reduce((total, project) => total + project[key], 0);
  return {
    summary: {
      projects: projects.sort((a, b) => compareStrings(a.project, b.project)),
      rules: [...rules].map(([ruleId, counts]) => ({ ruleId, ...counts })).sort((a, b) => compareStrings(a.ruleId, b.ruleId)),
      worstFiles: [...files]
        .map(([file, newCount]) => ({ file, newViolations: newCount }))
        .sort((a, b) => b.newViolations - a.newViolations || compareStrings(a.file, b.file))
        .slice(0, SUMMARY_LIMITS.worstFiles),
      newViolations: newViolations.slice(0, SUMMARY_LIMITS.violations),
      totalNew: newViolations.length,
      blocking: blocking.sort((a, b) => compareViolations(a, b) || compareStrings(a.project ?? '', b.project ?? '')),
      totals: {
        filesChecked: projects.reduce((total, project) => total + project.filesChecked, 0),
        newErrors: sum('newErrors'),
        newWarnings: sum('newWarnings'),
        historical: sum('historical'),
      },
      unreadable: unreadable.sort(compareStrings),
      stale: stale.sort(compareStrings),
      notRechecked: notRechecked.sort(compareStrings),
      unlisted,
    },
    violations: allViolations,
  };
}

/** A project that was not checked blocks like an error: its code may hold any, and nothing says it does not. */
export function statusOf(summary: WorkspaceSummary): SummaryStatus {
  if (summary.totals.newErrors > 0 || uncheckedReports(summary).length > 0) return 'BLOCKED';
  return summary.totals.newWarnings > 0 ? 'WARNINGS' : 'CLEAN';
}

/**
 * Writes the summary folder: STATUS.md, VIOLATIONS.md, workspace.sarif, agent-report.json (always,
 * so a tool never mistakes a stale one for the current state), and BLOCK.md only while something
 * blocks (removed otherwise, so its presence alone means "blocked").
 *
 * @throws the file system's error when the summary folder cannot be written
 */
export async function writeWorkspaceSummary(options: {
  directory: string;
  summary: WorkspaceSummary;
  violations: readonly ReportedViolation[];
  /** The rules of the run: SARIF's rule descriptors, and which violations a fix command applies to. */
  rules: readonly Rule[];
  /** How commands are spelled: the targets' names and the package manager's exec prefix. */
  commands?: CommandStyle;
}): Promise<SummaryStatus> {
  const { directory, summary, rules, commands } = options;
  // Named projects only when every blocking report names its project and none went unread.
  const named = summary.unreadable.length === 0 && summary.stale.length === 0 && summary.blocking.every((violation) => violation.project !== undefined);
  const recheckCommand = recheckCommandOf(named ? summary.blocking.map((violation) => violation.project as string) : [], commands);
  const status = statusOf(summary);
  await writeFileAtomic(join(directory, STATUS_FILE), formatStatus(summary, status));
  await writeFileAtomic(join(directory, VIOLATIONS_FILE), formatViolations(summary));
  await writeFileAtomic(join(directory, WORKSPACE_SARIF_FILE), formatSarif(workspaceReport(summary, options.violations), rules));
  await writeFileAtomic(join(directory, AGENT_REPORT_FILE), formatAgentReport(buildAgentReport({ summary, status, rules, recheckCommand, commands })));
  const blockPath = join(directory, BLOCK_FILE);
  if (status === 'BLOCKED') await writeFileAtomic(blockPath, formatBlock(summary, { rules, recheckCommand, commands }));
  else await rm(blockPath, { force: true });
  return status;
}

async function readReport(path: string): Promise<RunReport | undefined> {
  try {
    const report = JSON.parse(await readFile(path, 'utf8')) as RunReport;
    return report.version === REPORT_VERSION && Array.isArray(report.violations) && report.summary ? report : undefined;
  } catch {
    return undefined;
  }
}

function formatStatus(summary: WorkspaceSummary, status: SummaryStatus): string {
  const { totals } = summary;
  const lines = [
    '# nx-enforcer status',
    '',
    `**Status: ${status}**`,
    '',
    `${plural(totals.newErrors, 'new error')}, ${plural(totals.newWarnings, 'new warning')}, ${totals.historical} ` +
      `historical (baseline), in ${plural(totals.filesChecked, 'file')} of ${plural(summary.projects.length, 'project')}.`,
    '',
    '## Projects',
    '',
    '| Project | New errors | New warnings | Historical | Files |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...summary.projects.map((p) => `| ${escapeMarkdown(p.project)} | ${p.newErrors} | ${p.newWarnings} | ${p.historical} | ${p.filesChecked} |`),
    '',
  ];
  if (summary.unlisted > 0) {
    lines.push(
      `${summary.unlisted} of these violations are not listed in their reports (a report lists at most ${REPORT_VIOLATION_LIMIT},` +
        ` new errors first): the tables below and the lists count the listed ones, the totals above every one.`,
      '',
    );
  }
  if (summary.rules.length > 0) {
    lines.push('## Rules', '', '| Rule | New errors | New warnings | Historical |', '| --- | ---: | ---: | ---: |');
    lines.push(...summary.rules.map((r) => `| \`${r.ruleId}\` | ${r.newErrors} | ${r.newWarnings} | ${r.historical} |`), '');
  }
  if (summary.worstFiles.length > 0) {
    lines.push('## Files with the most new violations', '');
    lines.push(...summary.worstFiles.map((f) => `- \`${escapeMarkdown(f.file)}\`: ${f.newViolations}`), '');
  }
  if (summary.notRechecked.length > 0) {
    lines.push(
      '## Projects not part of this run',
      '',
      'Counted above with their latest result on disk:',
      '',
      ...summary.notRechecked.map((project) => `- ${escapeMarkdown(project)}`),
      '',
    );
  }
  if (summary.unreadable.length > 0) {
    lines.push('## Reports that could not be read', '', ...summary.unreadable.map((file) => `- ${escapeMarkdown(file)}`), '');
  }
  if (summary.outsideProjects && summary.outsideProjects.length > 0) {
    lines.push(
      '## Source files in no project (not checked)',
      '',
      'No Nx project holds these files, so no enforce target checks them. Add a project.json to a folder to make it a ' +
        'project, or run `nx g nx-enforcer:init --checkFilesOutsideProjects` to check them all in a root project.',
      '',
      ...summary.outsideProjects.map((entry) => `- \`${escapeMarkdown(entry.folder)}\`: ${plural(entry.files, 'file')}`),
      '',
    );
  }
  if (summary.stale.length > 0) {
    lines.push(
      '## Tasks that failed before writing a report',
      '',
      'The report on disk is from an earlier run: the project was not checked.',
      '',
      ...summary.stale.map((file) => `- ${escapeMarkdown(file)}`),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function formatViolations(summary: WorkspaceSummary): string {
  const lines = ['# New violations', ''];
  if (summary.totalNew === 0) lines.push('None.');
  for (const v of summary.newViolations)
    lines.push(`- ${v.severity} \`${escapeMarkdown(v.file)}:${v.line}:${v.column}\` \`${v.ruleId}\`: ${escapeMarkdown(v.message)}`);
  if (summary.totalNew > summary.newViolations.length)
    lines.push('', `…and ${summary.totalNew - summary.newViolations.length} more: see each project's report.json.`);
  return `${lines.join('\n')}\n`;
}

/** One report over every project, for a single code-scanning upload. */
function workspaceReport(summary: WorkspaceSummary, violations: readonly ReportedViolation[]): RunReport {
  const { totals } = summary;
  return {
    version: REPORT_VERSION,
    enforcerVersion: '',
    configHash: '',
    summary: {
      filesChecked: totals.filesChecked,
      errors: violations.filter((v) => v.severity === 'error').length,
      warnings: violations.filter((v) => v.severity === 'warn').length,
      newErrors: totals.newErrors,
      newWarnings: totals.newWarnings,
      historical: totals.historical,
      notices: 0,
    },
    violations: [...violations],
    notices: [],
  };
}

/**
 * The one line a run ends with: the verdict, the counts (warnings of projects that passed too, which
 * Nx does not show) and the file to read next, e.g.
 * `BLOCKED: 1 new error, 3 new warnings in 4 projects; passing with warnings: lib-a (2), lib-b (1). Read .nx-enforcer/summary/BLOCK.md`.
 */
export function formatSummaryLine(summary: WorkspaceSummary, status: SummaryStatus, summaryFolder: string): string {
  const { totals } = summary;
  const warned = summary.projects.filter((project) => project.newWarnings > 0 && project.newErrors === 0);
  const shown = warned.slice(0, 3).map((project) => `${project.project} (${project.newWarnings})`);
  const warnings = warned.length === 0 ? '' : `; passing with warnings: ${shown.join(', ')}${warned.length > 3 ? `, and ${warned.length - 3} more` : ''}`;
  const historical = totals.historical > 0 ? `, ${totals.historical} historical` : '';
  const projects = plural(summary.projects.length, 'project');
  const counts = `${plural(totals.newErrors, 'new error')}, ${plural(totals.newWarnings, 'new warning')}${historical} in ${projects}`;
  const stale = summary.notRechecked.length > 0 ? `; ${plural(summary.notRechecked.length, 'project')} from an earlier run` : '';
  const outside = (summary.outsideProjects ?? []).reduce((total, entry) => total + entry.files, 0);
  const unchecked = outside > 0 ? `; ${plural(outside, 'source file')} in no project, not checked` : '';
  const next = status === 'BLOCKED' ? `Read ${summaryFolder}/${BLOCK_FILE}` : `Summary: ${summaryFolder}/${STATUS_FILE}`;
  return `${status}: ${counts}${warnings}${stale}${unchecked}. ${next}`;
}
