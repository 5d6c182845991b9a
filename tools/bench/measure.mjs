// @ts-check
/**
 * Runs a command and measures its wall time and the peak RSS of its whole process tree (the sum
 * over all descendants at each sample, and the largest single process), by sampling /proc every
 * 50 ms. Descendants are found through parent pids, so processes in new sessions (pseudo-terminals)
 * are counted too. Linux only, like the machines the benchmark targets.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;
const SAMPLE_MS = 50;

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 * @returns {Promise<{ code: number, wallMs: number, peakTreeRssMb: number, peakProcessRssMb: number, peakProcess: string, stdout: string, stderr: string }>}
 */
export async function measure(command, args, options) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let peakTree = 0;
  let peakProcess = 0;
  let peakProcessName = '';
  const sample = () => {
    const tree = processTree(/** @type {number} */ (child.pid));
    let sum = 0;
    for (const { rss, name } of tree) {
      sum += rss;
      if (rss > peakProcess) {
        peakProcess = rss;
        peakProcessName = name;
      }
    }
    peakTree = Math.max(peakTree, sum);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode ?? 1)));
  clearInterval(timer);
  return {
    code: /** @type {number} */ (code),
    wallMs: Math.round(performance.now() - started),
    peakTreeRssMb: Math.round(peakTree / 1024 / 1024),
    peakProcessRssMb: Math.round(peakProcess / 1024 / 1024),
    peakProcess: peakProcessName,
    stdout,
    stderr,
  };
}

/** The process and all its descendants, with resident set sizes in bytes. */
function processTree(rootPid) {
  /** @type {Map<number, { ppid: number, rss: number, name: string }>} */
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      all.set(Number(entry), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE, name: cmdline.slice(0, 120) });
    } catch {
      // The process ended between listing and reading.
    }
  }
  const children = new Map();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = /** @type {number} */ (stack.pop());
    const info = all.get(pid);
    if (info) tree.push(info);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}
