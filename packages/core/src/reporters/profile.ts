import type { RunProfile } from '../runner/run-profile';

/** The profile as a few terminal lines, like ESLint's TIMING table (the ten slowest rules). */
export function formatProfile(profile: RunProfile, label?: string): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const lines = [
    `Profile${label ? ` (${label})` : ''}: ${profile.files.analysed} files analysed, ${profile.files.reused} reused, ${profile.wallMilliseconds} ms; peak RSS ${mb(profile.peakRssBytes)}, peak heap ${mb(profile.peakHeapBytes)}`,
  ];
  const top = profile.rules.slice(0, 10);
  if (top.length > 0) {
    const width = Math.max(4, ...top.map((entry) => entry.ruleId.length));
    lines.push(`  ${'Rule'.padEnd(width)}  ${'Time (ms)'.padStart(10)}  ${'Relative'.padStart(8)}`);
    for (const entry of top) lines.push(`  ${entry.ruleId.padEnd(width)}  ${entry.milliseconds.toFixed(1).padStart(10)}  ${`${entry.percent.toFixed(1)}%`.padStart(8)}`);
  }
  return `${lines.join('\n')}\n`;
}
