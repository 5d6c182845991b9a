import { compareStrings } from '../runner/run-report';

/** The reports that say nothing of the code as it is now: unreadable, or left by a task that failed before writing. */
export function uncheckedReports(summary: { unreadable: readonly string[]; stale?: readonly string[] }): string[] {
  return [...summary.unreadable, ...(summary.stale ?? [])].sort(compareStrings);
}
