import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
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
import { isCodeFile } from '../engine/source-kinds';
import { isCheckedFile } from '../runner/check-files';
import { discoverFiles, MissingPathError, PathOutsideWorkspaceError, type DiscoveredFiles } from '../runner/discover-files';
import { describeIgnoredBy, WorkspaceIgnores } from '../runner/ignore-files';
import type { RunCheckResult } from '../runner/run-check';
import type { RunReport } from '../runner/run-report';
import { Enforcer, type CheckTarget } from '../service/enforcer';
import { mergeRunReports } from '../service/merge-reports';
import { groupByProject, outsideFolders } from '../service/project-files';
import { afterFixLine, plural, tooManyWarningsMessage, verdictOf } from '../service/verdict';
import type { WorkspaceView } from '../engine/workspace-view';
import type { SourceFileRef } from '../runner/check-files';
import { coalesceBursts, watchPaths } from '../runner/watch-changes';
import { WorkspaceWatch } from '../service/workspace-watch';
import type { ProjectInfo } from '../runner/check-project';
import { writeFileAtomic } from '../session/atomic-write';
import { findReportFiles } from '../summary/find-reports';
import type { CommandStyle } from '../summary/fix-command';
import { execPrefixOf } from '../summary/package-manager';
import { discoverNxProjects, discoverProjects } from '../runner/discover-projects';
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
  const discovered = await discoverFiles(workspaceRoot, command.paths);
  const baselineFile = command.baseline === undefined ? undefined : toWorkspacePath(workspaceRoot, command.baseline);
  // In an Nx workspace the CLI checks what the enforce targets check: each project's files with
  // that project's config, baseline and project rules; files in no project are named, not checked.
  const nx = existsSync(join(workspaceRoot, 'nx.json')) ? await nxProjectsOf(workspaceRoot, command.paths, discovered.files) : undefined;
  if (command.updateBaseline && baselineFile === undefined && !nx) throw new UsageError('--update-baseline needs --baseline <file>');
  if (command.updateBaseline && baselineFile !== undefined && nx) {
    throw new UsageError("in an Nx workspace --update-baseline writes each project's own enforcer.baseline.json (the one its enforce target reads): drop --baseline");
  }
  const rootConfig = await loadConfig({ workspaceRoot, configFile, rules: builtinRules });
  const enforcer = new Enforcer({ workspaceRoot, configFile, workspace: nx?.view ?? (await discoverProjects(workspaceRoot, discovered.files)) });
  const outside = nx ? outsideNotices(nx.grouped.outside, rootConfig) : [];
  if (command.watch) return watchCheck(command, io, { enforcer, rootConfig, files: discovered.files, baselineFile, nx, outside });
  const targets: CheckTarget[] = nx ? nx.grouped.groups.map(({ project, files }) => ({ project, files, baselineFile })) : [{ files: discovered.files, baselineFile }];

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
    if (command.profile && outcomes.length > 1) io.stderr(`enforcer: --profile measures one project at a time; name one project's folder (${outcomes.length} projects were checked)\n`);
  }
  // A path the user named that yields nothing to check is said so, never passed over in silence.
  const unchecked = uncheckedPaths(workspaceRoot, command.paths, discovered, rootConfig, nx);
  if (unchecked.length > 0 || outside.length > 0) report = { ...report, notices: [...report.notices, ...unchecked, ...outside].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
  report = { ...report, summary: { ...report.summary, notices: report.notices.length } };
  for (const target of command.outputs) {
    const output = formatReport(report, target.format, { color: io.color && target.file === undefined, rules: rootConfig.rules });
    if (target.file !== undefined) await writeFileAtomic(resolve(workspaceRoot, target.file), output);
    else io.stdout(output);
  }
  if (profile) io.stderr(formatProfile(profile, undefined, { entries: report.coverage ?? [], rules: rootConfig.rules }));
  const verdict = verdictOf(report, command.maxWarnings);
  // Nothing checked is never a pass.
  if (unchecked.length + outside.length > 0 && report.summary.filesChecked === 0) {
    io.stderr(`enforcer: nothing was checked: ${[...unchecked, ...outside].map((notice) => notice.message).join('; ')}\n`);
    return EXIT_USAGE;
  }
  if (afterFix) {
    afterFix(verdict);
    return EXIT_OK;
  }
  if (verdict.tooManyWarnings) io.stderr(`enforcer: ${tooManyWarningsMessage(verdict, `--max-warnings ${command.maxWarnings}`)}\n`);
  return verdict.success ? EXIT_OK : EXIT_VIOLATIONS;
}

interface NxProjects {
  view: WorkspaceView;
  projects: ProjectInfo[];
  /** The files to check, by project, and those in none. */
  grouped: ReturnType<typeof groupByProject>;
}

/**
 * The workspace's Nx projects. Their manifests are found in the whole workspace, not only below the
 * named paths, so a named folder inside a project still belongs to it.
 */
async function nxProjectsOf(workspaceRoot: string, paths: readonly string[], files: readonly SourceFileRef[]): Promise<NxProjects> {
  const everything = paths.length === 0 || paths.some((path) => toWorkspacePath(workspaceRoot, path) === '') ? files : (await discoverFiles(workspaceRoot, [])).files;
  const { projects, view } = await discoverNxProjects(workspaceRoot, everything);
  return { view, projects, grouped: groupByProject(files, projects) };
}

/**
 * Source files in no project, by top folder: no enforce target checks them, so the CLI does not
 * either, and says so. Workspace files such as nx.json or the root package.json are not named.
 */
function outsideNotices(files: readonly SourceFileRef[], config: ConfigResolver): Notice[] {
  const checkable = files.filter((file) => isCodeFile(file.path) && !config.isIgnored(file.path));
  return outsideFolders(checkable).map(({ folder, files: count }) => ({
    file: folder,
    code: 'not-checked',
    message: `${folder}: ${plural(count, 'source file')} in no Nx project, so no enforce target checks ${count === 1 ? 'it' : 'them'} (nx g nx-enforcer:init --checkFilesOutsideProjects adds a root project that does)`,
  }));
}

/**
 * The paths named on the command line under which no file is checked, each with why: `.gitignore`
 * or `.nxignore` (with the pattern), the config's or the default ignores, or no file there is of a
 * kind any rule checks.
 */
function uncheckedPaths(workspaceRoot: string, paths: readonly string[], discovered: DiscoveredFiles, config: ConfigResolver, nx: NxProjects | undefined): Notice[] {
  const notices: Notice[] = [];
  const outside = new Set(nx?.grouped.outside.map((file) => file.path));
  for (const input of paths) {
    const path = toWorkspacePath(workspaceRoot, input);
    const under = path === '.' ? discovered.files : discovered.files.filter((file) => file.path === path || file.path.startsWith(`${path}/`));
    if (under.some((file) => isCheckedFile(file.path, config) && !outside.has(file.path))) continue;
    // The notices for files in no project already say why.
    if (under.some((file) => outside.has(file.path))) continue;
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
async function watchCheck(
  command: CheckCommand,
  io: CliIo,
  start: { enforcer: Enforcer; rootConfig: ConfigResolver; files: SourceFileRef[]; baselineFile?: string; nx?: NxProjects; outside: Notice[] },
): Promise<number> {
  const workspaceRoot = io.cwd;
  const { rootConfig: config } = start;
  const scope = command.paths.map((path) => toWorkspacePath(workspaceRoot, path));
  const watched = await WorkspaceWatch.start({
    enforcer: start.enforcer,
    projects: start.nx?.projects,
    files: start.nx ? start.nx.grouped.groups.flatMap((group) => group.files) : start.files,
    scope,
    baselineFile: start.baselineFile,
    reportUnusedSuppressions: command.reportUnusedSuppressions,
    notices: start.outside,
  });
  const print = (report: RunReport) => {
    for (const target of command.outputs) io.stdout(formatReport(report, target.format, { color: io.color, rules: config.rules }));
  };
  let report = watched.report();
  print(report);
  io.stderr(`enforcer: watching ${command.paths.length > 0 ? command.paths.join(', ') : 'the workspace'} for changes (Ctrl-C stops)\n`);
  const folders = scope.length > 0 ? scope : ['.'];
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
  return verdictOf(report, command.maxWarnings).success ? EXIT_OK : EXIT_VIOLATIONS;
}

function stopOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

/** A word a POSIX shell passes through unchanged: quoted only when it holds something the shell would interpret. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
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
  io.stdout(`${formatSummaryLine(summary, status, toWorkspacePath(io.cwd, resolve(outputRoot, 'summary')))}\n`);
  return status === 'BLOCKED' ? EXIT_VIOLATIONS : EXIT_OK;
}

/** The summary's commands in the workspace's package manager's words: `pnpm exec nx …` where pnpm runs it. */
function summaryCommands(workspaceRoot: string): { commands: CommandStyle } {
  return { commands: { exec: execPrefixOf(workspaceRoot) } };
}
