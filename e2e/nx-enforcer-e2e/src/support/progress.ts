/**
 * Each e2e step says when it starts and how long it took, as it happens: a step is minutes of
 * installs and Nx runs, and jest prints nothing of a file until all its tests are done. Written to
 * stderr directly (jest's console buffers until the file ends).
 */
export function progress(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
