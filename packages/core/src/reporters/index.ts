import type { Rule } from '../engine/types';
import type { RunReport } from '../runner/run-report';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'markdown', 'junit', 'github', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export interface FormatContext {
  color: boolean;
  /** The rules of the run, for formats that describe them (SARIF). */
  rules: readonly Rule[];
}

export function formatReport(report: RunReport, format: FormatName, context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, context.rules);
    case 'markdown':
      return formatMarkdown(report);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    case 'gitlab':
      return formatGitlab(report);
    default:
      return formatStylish(report, context);
  }
}

export { formatGithub, formatGitlab, formatJson, formatJunit, formatMarkdown, formatSarif, formatStylish };
