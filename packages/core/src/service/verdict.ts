import { isBlocking, type RunReport } from '../runner/run-report';

/** What a run's report means for its exit: the one place `maxWarnings` is applied. */
export interface Verdict {
  success: boolean;
  /** A new error, or a report that blocks. */
  blocked: boolean;
  /** More new warnings than `maxWarnings`. */
  tooManyWarnings: boolean;
  newErrors: number;
  newWarnings: number;
  historical: number;
}

export function verdictOf(report: RunReport, maxWarnings: number | undefined): Verdict {
  const { newErrors, newWarnings, historical } = report.summary;
  const blocked = isBlocking(report);
  const tooManyWarnings = maxWarnings !== undefined && newWarnings > maxWarnings;
  return { success: !blocked && !tooManyWarnings, blocked, tooManyWarnings, newErrors, newWarnings, historical };
}

/** `1 error`, `2 errors`; `plural(1, 'entry', 'entries')`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Why warnings failed the run, naming the limit as the user set it (`--max-warnings 0`, `maxWarnings (0)`). */
export function tooManyWarningsMessage(verdict: Verdict, limit: string): string {
  return `${plural(verdict.newWarnings, 'new warning')} ${verdict.newWarnings === 1 ? 'exceeds' : 'exceed'} ${limit}`;
}

/**
 * What a fix run ends with. A fix run succeeds when it applied what it could (its exit code means
 * that one thing); whether what remains still blocks is said here, with the command that checks.
 */
export function afterFixLine(verdict: Verdict, recheckCommand: string): string {
  const counts = `${plural(verdict.newErrors, 'new error')}, ${plural(verdict.newWarnings, 'new warning')}`;
  if (verdict.blocked)
    return `Still blocking after the fixes: ${counts}; no fix of this kind solves them, so they need an edit by hand. Then check again: ${recheckCommand}`;
  return `Nothing blocks after the fixes (${counts}). Check again to record it: ${recheckCommand}`;
}
