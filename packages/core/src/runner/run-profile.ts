import { getHeapStatistics } from 'node:v8';
import { RuleTimings } from '../engine/rule-timings';

/** What `--profile` reports for one run. Machine-dependent by nature: never part of a default report. */
export interface RunProfile {
  files: { analysed: number; reused: number };
  /** Worker threads the run started, and how many of the analysed files they checked. */
  workers?: { threads: number; files: number };
  wallMilliseconds: number;
  /** Peak resident set size of the whole process so far (not only this run). */
  peakRssBytes: number;
  /** Highest V8 heap use seen between files. */
  peakHeapBytes: number;
  /** Slowest first; `(parse)` is TypeScript's parser, shared by every syntax rule of a file. */
  rules: Array<{ ruleId: string; milliseconds: number; percent: number }>;
}

/** Collects a run's profile: rule timings, file counts, and heap use sampled after each file. */
export class RunProfiler {
  readonly timings = new RuleTimings();
  private readonly started = performance.now();
  private peakHeapBytes = getHeapStatistics().used_heap_size;
  private analysed = 0;
  private reused = 0;
  private workers?: { threads: number; files: number };

  fileDone(reused: boolean): void {
    if (reused) {
      this.reused++;
      return;
    }
    this.analysed++;
    this.peakHeapBytes = Math.max(this.peakHeapBytes, getHeapStatistics().used_heap_size);
  }

  workersUsed(threads: number, files: number): void {
    this.workers = { threads, files };
  }

  finish(): RunProfile {
    const entries = this.timings.entries();
    const total = entries.reduce((sum, entry) => sum + entry.milliseconds, 0);
    return {
      files: { analysed: this.analysed, reused: this.reused },
      ...(this.workers ? { workers: this.workers } : {}),
      wallMilliseconds: round(performance.now() - this.started),
      // maxRSS is in kibibytes on every platform Node supports.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      peakHeapBytes: Math.max(this.peakHeapBytes, getHeapStatistics().used_heap_size),
      rules: entries.map(({ ruleId, milliseconds }) => ({
        ruleId,
        milliseconds: round(milliseconds),
        percent: total > 0 ? round((milliseconds / total) * 100) : 0,
      })),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
