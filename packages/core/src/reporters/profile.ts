import type { Rule } from '../engine/types';
import type { RunProfile } from '../runner/run-profile';
import type { RuleCoverage } from '../runner/run-report';
import { plural } from '../service/verdict';

/** The profile as a few terminal lines, like ESLint's TIMING table (the ten slowest rules). */
export function formatProfile(profile: RunProfile, label?: string, coverage?: { entries: readonly RuleCoverage[]; rules: readonly Rule[] }): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const percent = (value: number) => `${value.toFixed(1)}%`.padStart(8);
  const workers = profile.workers ? `; ${plural(profile.workers.threads, 'worker thread')} checked ${profile.workers.files} of the analysed files` : '';
  const lines = [
    `Profile${label ? ` (${label})` : ''}: ${plural(profile.files.analysed, 'file')} analysed, ${profile.files.reused} reused, ` +
      `${profile.wallMilliseconds} ms; peak RSS ${mb(profile.peakRssBytes)}, peak heap ${mb(profile.peakHeapBytes)}${workers}`,
  ];
  const top = profile.rules.slice(0, 10);
  if (top.length > 0) {
    const width = Math.max(4, ...top.map((entry) => entry.ruleId.length));
    lines.push(`  ${'Rule'.padEnd(width)}  ${'Time (ms)'.padStart(10)}  ${'Relative'.padStart(8)}${coverage ? '  Examined' : ''}`);
    const counted = new Map((coverage?.entries ?? []).map((entry) => [entry.ruleId, entry]));
    const units = new Map((coverage?.rules ?? []).map((rule) => [rule.id, rule.meta.coverage?.unit ?? 'files']));
    // What each rule looked at beside its time: a fast rule that examined nothing is not a fast rule.
    const examined = (ruleId: string) => {
      const entry = counted.get(ruleId);
      if (!entry) return '';
      const amount = entry.examined ?? entry.files;
      return `  ${amount} ${units.get(ruleId) ?? 'files'}${entry.couldNotVerify ? `, ${entry.couldNotVerify} not verified` : ''}`;
    };
    for (const entry of top)
      lines.push(`  ${entry.ruleId.padEnd(width)}  ${entry.milliseconds.toFixed(1).padStart(10)}  ${percent(entry.percent)}${examined(entry.ruleId)}`);
  }
  return `${lines.join('\n')}\n`;
}
