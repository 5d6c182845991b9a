import { printable } from './printable';
import { maskSecrets } from './secret-mask';

/**
 * A report's `data` as a violation stores it: text, keys sorted, secrets masked and control
 * characters escaped like the message it filled. Undefined for none.
 */
export function violationData(data: Readonly<Record<string, string | number>> | undefined): Record<string, string> | undefined {
  if (!data) return undefined;
  const keys = Object.keys(data).sort();
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.map((key) => [key, printable(maskSecrets(String(data[key])))]));
}
