import { stableStringify } from '../json/stable-stringify';
import type { RunReport } from '../runner/run-report';

/** The report as stable JSON (sorted keys, sorted violations): byte-identical for identical results. */
export function formatJson(report: RunReport): string {
  return stableStringify(report);
}
