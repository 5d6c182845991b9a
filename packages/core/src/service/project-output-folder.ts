import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { REPORT_FILE, SARIF_FILE, SESSION_SHARD_FILE } from '../output-names';
import { formatReport } from '../reporters';
import type { OutputTarget } from '../reporters/output-target';
import { formatProfile } from '../reporters/profile';
import { sarifLogOf } from '../reporters/sarif';
import { removeStaleTempFiles, writeFileAtomic, writeJsonAtomic } from '../session/atomic-write';
import { SessionShardStore, type SessionShard } from '../session/session-shard';
import type { CheckOutcome } from './enforcer';
import { OptionError } from './run-options';

/**
 * A project's output folder, the one place a task's results go (Nx caches and restores it with the
 * task): `report.json`, `report.sarif`, the session shard, and the `name:file` formats asked for.
 * Every file is written atomically, so a run stopped at any moment leaves complete files only.
 */
export class ProjectOutputFolder {
  private readonly store: SessionShardStore;

  constructor(
    readonly directory: string,
    project: string,
  ) {
    this.store = new SessionShardStore(directory, project);
  }

  /**
   * `name:file` targets resolved inside the folder.
   *
   * @throws OptionError for a file outside it, or one of the folder's own files
   */
  resolveTargets(targets: readonly OutputTarget[]): OutputTarget[] {
    return targets.map((target) => {
      if (target.file === undefined) return target;
      const file = resolve(this.directory, target.file);
      const inside = relative(this.directory, file);
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || [REPORT_FILE, SARIF_FILE, SESSION_SHARD_FILE].includes(inside)) {
        throw new OptionError(`format: ${target.file} must be a new file inside the task's output folder (relative to it), so Nx caches it with the task`);
      }
      return { ...target, file };
    });
  }

  /**
   * Before a check: temp files of a writer killed mid-write go (they must not be cached), and the
   * last report too unless it is kept until the new one is written (a watch's re-checks), so a
   * task that fails before writing leaves no earlier report to be read as its result.
   */
  async prepare(keepReport: boolean): Promise<void> {
    await removeStaleTempFiles(this.directory);
    if (!keepReport) await this.forgetReport();
  }

  async forgetReport(): Promise<void> {
    await Promise.all([REPORT_FILE, SARIF_FILE].map((file) => rm(join(this.directory, file), { force: true })));
  }

  /** The previous run's shard, for reuse; a corrupt one is set aside (with a warning to print) and rebuilt. */
  async previousShard(): Promise<{ shard?: SessionShard; warning?: string }> {
    const previous = await this.store.read();
    if ('corrupt' in previous) {
      return {
        warning:
          `${relative(process.cwd(), this.store.path) || this.store.path} was ${previous.corrupt}; set aside as ${SESSION_SHARD_FILE}.` +
          `corrupt, all files are checked again`,
      };
    }
    return 'shard' in previous ? { shard: previous.shard } : {};
  }

  /**
   * Writes the outcome's files and the formats that go to files; returns what goes to the terminal
   * (the format without a file) and the profile table, when asked for.
   */
  async write(
    outcome: CheckOutcome,
    targets: readonly OutputTarget[],
    options: { color: boolean; label: string },
  ): Promise<{ terminal: string[]; profile?: string }> {
    const { config, report, shard, profile } = outcome;
    // The profile is machine data: it goes into report.json only when asked for (and then that run's
    // cache entry is its own, since options are part of the task hash).
    // Written in pieces (the same bytes as formatJson and formatSarif give): a large report is never one string.
    await writeJsonAtomic(join(this.directory, REPORT_FILE), profile ? { ...report, profile } : report);
    await writeJsonAtomic(join(this.directory, SARIF_FILE), sarifLogOf(report, config.rules));
    if (shard) await this.store.write(shard);
    const terminal: string[] = [];
    for (const target of targets) {
      const text = formatReport(report, target.format, { color: options.color && target.file === undefined, rules: config.rules });
      if (target.file === undefined) terminal.push(text);
      else await writeFileAtomic(target.file, text);
    }
    return { terminal, ...(profile ? { profile: formatProfile(profile, options.label, { entries: report.coverage ?? [], rules: config.rules }) } : {}) };
  }
}
