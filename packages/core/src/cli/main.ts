import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { concatMap, from } from 'rxjs';
import { isConfigError } from '../config/config-error';
import type { ConfigResolver } from '../config/config-resolver';
import { loadConfig } from '../config/load-config';
import { formatReport } from '../reporters';
import { formatFixSummary } from '../reporters/fix-summary';
import { formatProfile } from '../reporters/profile';
import { builtinRules } from '../rules';
import { DEFAULT_IGNORES } from '../config/defaults';
import type { Notice } from '../engine/types';
import { isCheckedFile } from '../runner/check-files';
import { discoverFiles, MissingPathError, PathOutsideWorkspaceError, type DiscoveredFiles } from '../runner/discover-files';
import { describeIgnoredBy, WorkspaceIgnores } from '../runner/ignore-files';
import { fixFiles } from '../runner/fix-files';
import { runCheck, type RunCheckResult } from '../runner/run-check';
import { isBlocking, type RunReport } from '../runner/run-report';
import type { SourceFileRef } from '../runner/check-files';
import { coalesceBursts, watchPaths } from '../runner/watch-changes';
import { WatchedCheck } from '../runner/watched-check';
import { writeFileAtomic } from '../session/atomic-write';
import { findReportFiles } from '../summary/find-reports';
import type { CommandStyle } from '../summary/fix-command';
import { execPrefixOf } from '../summary/package-manager';
import { discoverProjects } from '../runner/discover-projects';
import { summariseReports, writeWorkspaceSummary } from '../summary/workspace-summary';
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
  const config = await loadConfig({ workspaceRoot, configFile, rules: builtinRules });
  const discovered = await discoverFiles(workspaceRoot, command.paths);
  const { files } = discovered;
  const baselineFile = command.baseline === undefined ? undefined : toWorkspacePath(workspaceRoot, command.baseline);
  if (command.watch) return watchCheck(command, io, { config, files, baselineFile });
  // Imports of workspace packages by name resolve as under Nx (a DTO in a shared library).
  const workspace = await discoverProjects(workspaceRoot, files);
  let report: RunReport;
  let profile: RunCheckResult['profile'];
  if (command.fix) {
    const fixed = await fixFiles({ workspaceRoot, files, workspace, config, fixType: command.fixType, reportUnusedSuppressions: command.reportUnusedSuppressions, baselineFile });
    report = fixed.report;
    // What was fixed comes first; on stderr when stdout carries a machine-readable format.
    const toTerminal = command.outputs.find((target) => target.file === undefined);
    const summaryToStdout = toTerminal === undefined || toTerminal.format === 'stylish';
    const summary = formatFixSummary(fixed.files, { fixType: command.fixType, color: io.color && summaryToStdout });
    if (summaryToStdout) io.stdout(summary);
    else io.stderr(summary);
  } else {
    ({ report, profile } = await runCheck({
      workspaceRoot,
      files,
      workspace,
      config,
      reportUnusedSuppressions: command.reportUnusedSuppressions,
      baselineFile,
      updateBaseline: command.updateBaseline,
      profile: command.profile,
    }));
  }
  // A path the user named that yields nothing to check is said so, never passed over in silence.
  const unchecked = uncheckedPaths(workspaceRoot, command.paths, discovered, config);
  if (unchecked.length > 0) report = { ...report, notices: [...report.notices, ...unchecked].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
  for (const target of command.outputs) {
    const output = formatReport(report, target.format, { color: io.color && target.file === undefined, rules: config.rules });
    if (target.file !== undefined) await writeFileAtomic(resolve(workspaceRoot, target.file), output);
    else io.stdout(output);
  }
  if (profile) io.stderr(formatProfile(profile, undefined, { entries: report.coverage ?? [], rules: config.rules }));
  const tooManyWarnings = command.maxWarnings !== undefined && report.summary.newWarnings > command.maxWarnings;
  if (tooManyWarnings) io.stderr(`enforcer: ${report.summary.newWarnings} new warnings exceed --max-warnings ${command.maxWarnings}\n`);
  if (unchecked.length > 0 && report.summary.filesChecked === 0) {
    io.stderr(`enforcer: nothing was checked: ${unchecked.map((notice) => notice.message).join('; ')}\n`);
    return EXIT_USAGE;
  }
  return isBlocking(report) || tooManyWarnings ? EXIT_VIOLATIONS : EXIT_OK;
}

/**
 * The paths named on the command line under which no file is checked, each with why: `.gitignore`
 * or `.nxignore` (with the pattern), the config's or the default ignores, or no file there is of a
 * kind any rule checks.
 */
function uncheckedPaths(workspaceRoot: string, paths: readonly string[], discovered: DiscoveredFiles, config: ConfigResolver): Notice[] {
  const notices: Notice[] = [];
  for (const input of paths) {
    const path = toWorkspacePath(workspaceRoot, input);
    const under = path === '.' ? discovered.files : discovered.files.filter((file) => file.path === path || file.path.startsWith(`${path}/`));
    if (under.some((file) => isCheckedFile(file.path, config))) continue;
    const ignoredBy = under.length === 0 ? discovered.ignored.get(path) : undefined;
    const ignored = under.length > 0 ? under.every((file) => config.isIgnored(file.path)) : config.isIgnored(path);
    const why = ignoredBy
      ? `it is ignored by ${describeIgnoredBy(ignoredBy)}, as Nx ignores it; name a file in it to check that file`
      : ignored
        ? `it matches the ignores (the config's \`ignores\`, or the defaults: ${DEFAULT_IGNORES.join(', ')})`
        : under.length === 0
          ? 'it holds no files'
          : 'no file there is of a kind any rule checks';
    notices.push({ file: path, code: 'not-checked', message: `${path} was named but nothing in it was checked: ${why}` });
  }
  return notices;
}

/**
 * `check --watch`: the full check once, then each burst of changes below the given paths is checked
 * alone and the report printed again, until stopped. The exit code is that of the last report.
 */
async function watchCheck(command: CheckCommand, io: CliIo, start: { config: ConfigResolver; files: SourceFileRef[]; baselineFile?: string }): Promise<number> {
  const workspaceRoot = io.cwd;
  const { config } = start;
  const watched = new WatchedCheck({ workspaceRoot, config, reportUnusedSuppressions: command.reportUnusedSuppressions, baselineFile: start.baselineFile, scope: command.paths.map((path) => toWorkspacePath(workspaceRoot, path)) });
  const print = (report: RunReport) => {
    for (const target of command.outputs) io.stdout(formatReport(report, target.format, { color: io.color, rules: config.rules }));
  };
  let report = await watched.start(start.files);
  print(report);
  io.stderr(`enforcer: watching ${command.paths.length > 0 ? command.paths.join(', ') : 'the workspace'} for changes (Ctrl-C stops)\n`);
  const folders = command.paths.length > 0 ? command.paths.map((path) => toWorkspacePath(workspaceRoot, path)) : ['.'];
  const ignores = new WorkspaceIgnores(workspaceRoot);
  const changes = coalesceBursts(watchPaths({ workspaceRoot, folders, ignore: (path) => config.isIgnored(path) || ignores.excludes(path) }), command.watchDebounce);
  const stop = io.stop ?? stopOnInterrupt();
  await new Promise<void>((resolvePromise, reject) => {
    // One check at a time: a burst that comes during a check waits for it (concatMap), none is lost.
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
  const tooManyWarnings = command.maxWarnings !== undefined && report.summary.newWarnings > command.maxWarnings;
  return isBlocking(report) || tooManyWarnings ? EXIT_VIOLATIONS : EXIT_OK;
}

function stopOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

function toWorkspacePath(workspaceRoot: string, path: string): string {
  return relative(workspaceRoot, resolve(workspaceRoot, path)).split(sep).join('/');
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
  const status = await writeWorkspaceSummary({ directory: resolve(outputRoot, 'summary'), summary, violations, rules, ...summaryCommands(io.cwd) });
  const { totals } = summary;
  io.stdout(`${status}: ${totals.newErrors} new errors, ${totals.newWarnings} new warnings, ${totals.historical} historical, ${summary.projects.length} projects. Summary in ${toWorkspacePath(io.cwd, resolve(outputRoot, 'summary'))}/\n`);
  return status === 'BLOCKED' ? EXIT_VIOLATIONS : EXIT_OK;
}

/** The summary's commands in the workspace's package manager's words: `pnpm exec nx …` where pnpm runs it. */
function summaryCommands(workspaceRoot: string): { recheckCommand: string; commands: CommandStyle } {
  const exec = execPrefixOf(workspaceRoot);
  return { recheckCommand: `${exec} nx affected -t enforce`, commands: { exec } };
}
