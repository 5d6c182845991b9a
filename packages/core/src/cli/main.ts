import { relative, resolve, sep } from 'node:path';
import { isConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { formatReport } from '../reporters';
import { formatProfile } from '../reporters/profile';
import { builtinRules } from '../rules';
import { discoverFiles, MissingPathError, PathOutsideWorkspaceError } from '../runner/discover-files';
import { runCheck } from '../runner/run-check';
import { isBlocking } from '../runner/run-report';
import { writeFileAtomic } from '../session/atomic-write';
import { findReportFiles } from '../summary/find-reports';
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
  const files = await discoverFiles(workspaceRoot, command.paths);
  const { report, profile } = await runCheck({
    workspaceRoot,
    files,
    config,
    reportUnusedSuppressions: command.reportUnusedSuppressions,
    baselineFile: command.baseline === undefined ? undefined : toWorkspacePath(workspaceRoot, command.baseline),
    updateBaseline: command.updateBaseline,
    profile: command.profile,
  });
  for (const target of command.outputs) {
    const output = formatReport(report, target.format, { color: io.color && target.file === undefined, rules: config.rules });
    if (target.file !== undefined) await writeFileAtomic(resolve(workspaceRoot, target.file), output);
    else io.stdout(output);
  }
  if (profile) io.stderr(formatProfile(profile));
  const tooManyWarnings = command.maxWarnings !== undefined && report.summary.newWarnings > command.maxWarnings;
  if (tooManyWarnings) io.stderr(`enforcer: ${report.summary.newWarnings} new warnings exceed --max-warnings ${command.maxWarnings}\n`);
  return isBlocking(report) || tooManyWarnings ? EXIT_VIOLATIONS : EXIT_OK;
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
  const configFile = command.config === undefined ? undefined : toWorkspacePath(io.cwd, command.config);
  const { rules } = await loadConfig({ workspaceRoot: io.cwd, configFile, rules: builtinRules });
  const { summary, violations } = await summariseReports(await findReportFiles(outputRoot, io.cwd));
  const status = await writeWorkspaceSummary({ directory: resolve(outputRoot, 'summary'), summary, violations, rules, recheckCommand: 'npx nx affected -t enforce' });
  const { totals } = summary;
  io.stdout(`${status}: ${totals.newErrors} new errors, ${totals.newWarnings} new warnings, ${totals.historical} historical, ${summary.projects.length} projects. Summary in ${toWorkspacePath(io.cwd, resolve(outputRoot, 'summary'))}/\n`);
  return status === 'BLOCKED' ? EXIT_VIOLATIONS : EXIT_OK;
}
