import { createHash } from 'node:crypto';

/** The digest recorded for a dependency that did not exist (or could not be read) when it was read. */
export const MISSING_DEPENDENCY = '-';

/** A short digest of a file's text: enough to tell whether a dependency changed between runs. */
export function contentDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}
