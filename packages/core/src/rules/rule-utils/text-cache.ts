/**
 * Values derived from a file's text, kept per path while the text is unchanged: a module that every
 * controller imports is parsed once per run. Past `limit` paths the oldest is dropped, so memory
 * stays bounded however many files a run reads.
 */
export function textCache<T>(limit: number): (path: string, text: string, derive: () => T) => T {
  const entries = new Map<string, { text: string; value: T }>();
  return (path, text, derive) => {
    const cached = entries.get(path);
    if (cached && cached.text === text) return cached.value;
    const value = derive();
    if (!cached && entries.size >= limit) entries.delete(entries.keys().next().value as string);
    entries.set(path, { text, value });
    return value;
  };
}
