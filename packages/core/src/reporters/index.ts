import type { RunReport } from '../runner/run-report';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function formatReport(report: RunReport, format: FormatName, options: { color: boolean }): string {
  return format === 'json' ? formatJson(report) : formatStylish(report, options);
}

export { formatJson, formatStylish };
