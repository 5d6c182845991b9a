/**
 * JSON with object keys sorted at every level and a trailing newline, so equal data always gives
 * equal bytes (cache restores on other machines stay byte-identical; diffs stay minimal).
 *
 * Keys are sorted as JSON.stringify visits each object (a shallow copy at a time), never by
 * copying the whole value first: a large shard or report is not held twice in memory.
 */
export function stableStringify(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, sortedKeys, indent)}\n`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}
