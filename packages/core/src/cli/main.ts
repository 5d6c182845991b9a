import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import type { Notice } from '../engine/types';
import { SUMMARY_FOLDER } from '../output-names';
import { formatReport } from '../reporters';
import { formatFixSummary } from '../reporters/fix-summary';
import { formatProfile } from '../reporters/profile';
import { builtinRules } from '../rules';
import { MissingPathError, PathOutsideWorkspaceError } from '../runner/discover-files';
import { WorkspaceIgnores } from '../runner/ignore-files';
import type { RunCheckResult } from '../runner/run-check';
import type { RunReport } from '../runner/run-report';
import { rxjs } from '../runner/lazy-rxjs';
import { coalesceBursts, watchPaths } from '../runner/watch-changes';
import { mergeRunReports } from '../service/merge-reports';
import { afterFixLine, tooManyWarningsMessage, verdictOf } from '../service/verdict';
import { toWorkspacePath, WorkspaceScope } from '../service/workspace-scope';
import { WorkspaceWatch } from '../service/workspace-watch';
import { writeFileAtomic } from '../session/atomic-write';
import { findReportFiles } from '../summary/find-reports';
import { shellWord, type CommandStyle } from '../summary/fix-command';
import { execPrefixOf } from '../summary/package-manager';
import { formatSummaryLine, summariseReports, writeWorkspaceSummary } from '../summary/workspace-summary';
import { ENFORCER_VERSION } from '../version';
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS } from './exit-codes';
import { HELP_TEXT, parseCliArgs, UsageError, type CheckCommand, type ReportCommand, type TestRulesCommand } from './parse-args';
import { runRuleSpecs } from './run-rule-specs';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  /** Ends `check --watch`; without one, Ctrl-C (SIGINT) does. */
  stop?: AbortSignal;
}

const processIo = (): CliIo => ({
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});

/** Runs the CLI and returns its exit code; known problems become a one-line message, not a stack. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    if (command.command === 'help') {
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    }
    if (command.command === 'version') {
      io.stdout(`${ENFORCER_VERSION}\n`);
      return EXIT_OK;
    }
    if (command.command === 'test-rules') return await testRules(command, io);
    if (command.command === 'report') return await report(command, io);
    return await check(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`enforcer: ${error.message}\nRun "enforcer --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (isConfigError(error) || error instanceof MissingPathError || error instanceof PathOutsideWorkspaceError) {
      io.stderr(`enforcer: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function check(command: CheckCommand, io: CliIo): Promise<number> {
  const workspaceRoot = io.cwd;
  const configFile = command.config === undefined ? undefined : toWorkspacePath(workspaceRoot, command.config);
  const baselineFile = command.baseline === undefined ? undefined : toWorkspacePath(workspaceRoot, command.baseline);
  const scope = await WorkspaceScope.discover(workspaceRoot, command.paths, configFile);
  const { enforcer, rootConfig, nx } = scope;
  if (command.updateBaseline && baselineFile === undefined && !nx) throw new UsageError('--update-baseline needs --baseline <file>');
  if (command.updateBaseline && baselineFile !== undefined && nx) {
    throw new UsageError(
      "in an Nx workspace --update-baseline writes each project's own enforcer.baseline.json (the one its enforce target reads): drop --baseline",
    );
  }
  // A path the user named that yields nothing to check is said so, never passed over in silence.
  const notChecked = scope.notChecked();
  if (command.watch) return watchCheck(command, io, { scope, baselineFile, notChecked });
  const targets = scope.targets(baselineFile);

  let report: RunReport;
  let profile: RunCheckResult['profile'];
  // A fix run says after its report whether what remains blocks, and exits 0 once it applied what it could.
  let afterFix: ((verdict: ReturnType<typeof verdictOf>) => void) | undefined;
  if (command.fix) {
    const outcomes = [];
    for (const target of targets) outcomes.push(await enforcer.fix(target, command));
    report = nx ? mergeRunReports(outcomes.map((outcome) => outcome.report)) : (outcomes[0]?.report ?? mergeRunReports([]));
    // What was fixed comes first; on stderr when stdout carries a machine-readable format.
    const toTerminal = command.outputs.find((target) => target.file === undefined);
    const summaryToStdout = toTerminal === undefined || toTerminal.format === 'stylish';
    const summary = formatFixSummary(
      outcomes.flatMap((outcome) => outcome.files),
      { fixType: command.fixType, color: io.color && summaryToStdout },
    );
    if (summaryToStdout) io.stdout(summary);
    else io.stderr(summary);
    afterFix = (verdict) => {
      const line = `enforcer: ${afterFixLine(verdict, ['enforcer', 'check', ...command.paths.map(shellWord)].join(' '))}\n`;
      if (summaryToStdout) io.stdout(line);
      else io.stderr(line);
    };
  } else {
    const outcomes = [];
    for (const target of targets) outcomes.push(await enforcer.check(target, command));
    report = nx ? mergeRunReports(outcomes.map((outcome) => outcome.report)) : (outcomes[0]?.report ?? mergeRunReports([]));
    // A profile covers one run; over several projects the first one's timings would mislead.
    profile = outcomes.length === 1 ? outcomes[0].profile : undefined;
    if (command.profile && outcomes.length > 1)
      io.stderr(`enforcer: --profile measures one project at a time; name one project's folder (${outcomes.length} projects were checked)\n`);
  }
  report = mergeRunReports([report], notChecked);
  for (const target of command.outputs) {
    const output = formatReport(report, target.format, { color: io.color && target.file === undefined, rules: rootConfig.rules });
    if (target.file !== undefined) await writeFileAtomic(resolve(workspaceRoot, target.file), output);
    else io.stdout(output);
  }
  if (profile) io.stderr(formatProfile(profile, undefined, { entries: report.coverage ?? [], rules: rootConfig.rules }));
  const verdict = verdictOf(report, command.maxWarnings);
  // Nothing checked is never a pass.
  if (notChecked.length > 0 && report.summary.filesChecked === 0) {
    io.stderr(`enforcer: nothing was checked: ${notChecked.map((notice) => notice.message).join('; ')}\n`);
    return EXIT_USAGE;
  }
  if (afterFix) {
    afterFix(verdict);
    return EXIT_OK;
  }
  if (verdict.tooManyWarnings) io.stderr(`enforcer: ${tooManyWarningsMessage(verdict, `--max-warnings ${command.maxWarnings}`)}\n`);
  return verdict.success ? EXIT_OK : EXIT_VIOLATIONS;
}

/**
 * `check --watch`: the full check once, then each burst of changes below the given paths is checked
 * alone and the report printed again, until stopped. The exit code is that of the last report.
 */
async function watchCheck(command: CheckCommand, io: CliIo, start: { scope: WorkspaceScope; baselineFile?: string; notChecked: Notice[] }): Promise<number> {
  const workspaceRoot = io.cwd;
  const { enforcer, rootConfig: config, nx, discovered } = start.scope;
  const scope = [...start.scope.paths];
  const watched = await WorkspaceWatch.start({
    enforcer,
    projects: nx?.projects,
    files: nx ? nx.grouped.groups.flatMap((group) => group.files) : discovered.files,
    scope,
    baselineFile: start.baselineFile,
    reportUnusedSuppressions: command.reportUnusedSuppressions,
    notices: start.notChecked,
  });
  const print = (report: RunReport) => {
    for (const target of command.outputs) io.stdout(formatReport(report, target.format, { color: io.color, rules: config.rules }));
  };
  let report = watched.report();
  print(report);
  io.stderr(`enforcer: watching ${command.paths.length > 0 ? command.paths.join(', ') : 'the workspace'} for changes (Ctrl-C stops)\n`);
  const folders = scope.length > 0 ? scope : ['.'];
  const ignores = new WorkspaceIgnores(workspaceRoot);
  const changes = coalesceBursts(
    watchPaths({ workspaceRoot, folders, ignore: (path) => config.isIgnored(path) || ignores.excludes(path) }),
    command.watchDebounce,
  );
  const stop = io.stop ?? stopOnInterrupt();
  await new Promise<void>((resolvePromise, reject) => {
    // One check at a time: a burst that comes during a check waits for it (concatMap), none is lost.
    const { concatMap, from } = rxjs();
    const subscription = changes.pipe(concatMap((batch) => from(watched.update(batch)))).subscribe({
      next: (update) => {
        report = update.report;
        const changed = [...update.checked, ...update.removed.map((path) => `${path} (deleted)`)];
        if (changed.length === 0) return;
        io.stdout(`\n— checked again: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? `, and ${changed.length - 5} more` : ''}\n`);
        print(report);
      },
      error: reject,
    });
    const finish = () => {
      subscription.unsubscribe();
      resolvePromise();
    };
    if (stop.aborted) finish();
    else stop.addEventListener('abort', finish, { once: true });
  });
  return verdictOf(report, command.maxWarnings).success ? EXIT_OK : EXIT_VIOLATIONS;
}

function stopOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

async function testRules(command: TestRulesCommand, io: CliIo): Promise<number> {
  let directory = command.directory;
  if (directory === undefined) {
    const configFile = command.config === undefined ? undefined : toWorkspacePath(io.cwd, command.config);
    directory = (await loadConfig({ workspaceRoot: io.cwd, configFile, rules: builtinRules })).rulesDirectory;
    if (directory === undefined) throw new UsageError('no folder given and the config sets no rulesDirectory');
  }
  return runRuleSpecs({ cwd: io.cwd, directory, stdout: io.stdout, stderr: io.stderr });
}

async function report(command: ReportCommand, io: CliIo): Promise<number> {
  const outputRoot = resolve(io.cwd, command.directory);
  // A mistyped folder must not turn into an empty, clean summary.
  if (command.named && !existsSync(outputRoot)) throw new MissingPathError(command.directory);
  const configFile = command.config === undefined ? undefined : toWorkspacePath(io.cwd, command.config);
  const { rules } = await loadConfig({ workspaceRoot: io.cwd, configFile, rules: builtinRules });
  const { summary, violations } = await summariseReports(await findReportFiles(outputRoot, io.cwd));
  const status = await writeWorkspaceSummary({ directory: resolve(outputRoot, SUMMARY_FOLDER), summary, violations, rules, ...summaryCommands(io.cwd) });
  io.stdout(`${formatSummaryLine(summary, status, toWorkspacePath(io.cwd, resolve(outputRoot, SUMMARY_FOLDER)))}\n`);
  return status === 'BLOCKED' ? EXIT_VIOLATIONS : EXIT_OK;
}

/** The summary's commands in the workspace's package manager's words: `pnpm exec nx …` where pnpm runs it. */
function summaryCommands(workspaceRoot: string): { commands: CommandStyle } {
  return { commands: { exec: execPrefixOf(workspaceRoot) } };
}
