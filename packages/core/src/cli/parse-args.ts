import { parseArgs } from 'node:util';
import { OUTPUT_FOLDER } from '../output-names';
import { FORMATS } from '../reporters';
import type { OutputTarget } from '../reporters/output-target';
import { CLI_OPTION_NAMES, normaliseRunOptions, OptionError, type RunOptions } from '../service/run-options';
import { DEFAULT_WATCH_DEBOUNCE_MS } from '../runner/watch-changes';

export interface CheckCommand extends RunOptions {
  command: 'check';
  paths: string[];
  config?: string;
  baseline?: string;
  /** With `watch`: milliseconds without a change before a burst is checked. */
  watchDebounce: number;
}

export interface TestRulesCommand {
  command: 'test-rules';
  /** The rules folder; default: `rulesDirectory` from the config. */
  directory?: string;
  config?: string;
}

export interface ReportCommand {
  command: 'report';
  /** The output folder holding the projects' report.json files. */
  directory: string;
  /** The folder was named on the command line (a missing one is then an error, not an empty summary). */
  named?: boolean;
  config?: string;
}

export type CliCommand = CheckCommand | TestRulesCommand | ReportCommand | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP_TEXT = `Usage: enforcer check [paths...] [options]
       enforcer test-rules [folder] [--config <file>]
       enforcer report [outputFolder]

check       Checks TypeScript and JavaScript files (and the text files rules scan)
            against the workspace's code policies (enforcer.config.json in the
            current folder, or the built-in defaults). In an Nx workspace: each
            project's files with that project's config and baseline, as its
            enforce target checks them; files in no project are named, not checked.
test-rules  Runs the specs of the workspace's own rules (default folder: the
            config's rulesDirectory) with Node's test runner.
report      Merges the projects' report.json files (default folder: .nx-enforcer)
            into <folder>/summary: STATUS.md, VIOLATIONS.md, BLOCK.md, agent-report.json,
            workspace.sarif.
            Exits 1 when something blocks.

Arguments:
  paths                 Files or folders to check (default: the current folder)

Options:
  --config <file>       Config file to use instead of ./enforcer.config.json
  --format <name>[:<file>]
                        Output format (default: stylish), one of:
                        ${FORMATS.join(' | ')}
                        (github: Actions annotations; gitlab: a Code Quality report).
                        Repeatable; with :<file> the format is written to that file,
                        e.g. --format stylish --format sarif:report.sarif
  --output <file>       Write the format that has no :<file> to this file instead of stdout
  --report-unused-suppressions
                        Report enforcer-disable comments that suppress nothing
  --baseline <file>     Violations listed in this baseline are historical: reported, never failing
  --update-baseline     Write the --baseline file from this run's violations (in an Nx
                        workspace, without --baseline: each project's enforcer.baseline.json)
  --max-warnings <n>    Exit 1 when there are more than n new warnings
  --profile             Print the time per rule, peak memory and file counts to stderr
  --fix                 Apply the fixes rules offer, write the files, then report what
                        remains; a fix whose result would not parse is refused
  --fix-type <kind>     With --fix: safe (default) applies safe fixes only; suggestion
                        applies suggestions too (e.g. @ts-ignore -> @ts-expect-error);
                        dangerous applies fixes that may change behaviour too
  --watch               Keep running: check the changed files again after each burst of
                        changes and print the report again (Ctrl-C stops)
  --watch-debounce <ms> With --watch: quiet time before a burst is checked (default 300)
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 nothing blocks (warnings allowed), or --fix applied its fixes; 1 a new error,
more new warnings than --max-warnings, or a blocked report; 2 usage or config error, or
nothing was checked.
`;

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string', multiple: true },
        output: { type: 'string' },
        'report-unused-suppressions': { type: 'boolean', default: false },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        profile: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'fix-type': { type: 'string' },
        watch: { type: 'boolean', default: false },
        'watch-debounce': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command === 'test-rules') {
    if (paths.length > 1) throw new UsageError('test-rules takes at most one folder');
    return { command: 'test-rules', directory: paths[0], config: values.config };
  }
  if (command === 'report') {
    if (paths.length > 1) throw new UsageError('report takes at most one folder');
    return { command: 'report', directory: paths[0] ?? OUTPUT_FOLDER, named: paths[0] !== undefined, config: values.config };
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"; the commands are "check", "test-rules" and "report"`);
  if (values['fix-type'] !== undefined && values.fix !== true) throw new UsageError('--fix-type needs --fix');
  let options: RunOptions;
  try {
    options = normaliseRunOptions(
      {
        format: values.format,
        maxWarnings: values['max-warnings'],
        reportUnusedSuppressions: values['report-unused-suppressions'],
        updateBaseline: values['update-baseline'],
        profile: values.profile,
        fix: values.fix,
        fixType: values['fix-type'],
        watch: values.watch,
      },
      CLI_OPTION_NAMES,
    );
  } catch (error) {
    if (error instanceof OptionError) throw new UsageError(error.message);
    throw error;
  }
  const outputs = withOutputFile(options.outputs, values.output);
  const debounceText = values['watch-debounce'];
  if (debounceText !== undefined && !options.watch) throw new UsageError('--watch-debounce needs --watch');
  const watchDebounce = debounceText === undefined ? DEFAULT_WATCH_DEBOUNCE_MS : Number(debounceText);
  if (!Number.isInteger(watchDebounce) || watchDebounce < 0) throw new UsageError(`--watch-debounce takes milliseconds, a whole number, not "${debounceText}"`);
  if (options.watch && outputs.some((target) => target.file !== undefined))
    throw new UsageError('--watch prints to the terminal only: drop the :<file> of --format');
  return { command: 'check', paths, config: values.config, baseline: values.baseline, ...options, outputs, watchDebounce };
}

function withOutputFile(targets: OutputTarget[], output: string | undefined): OutputTarget[] {
  if (output === undefined) return targets;
  const toTerminal = targets.find((target) => target.file === undefined);
  if (!toTerminal) throw new UsageError('--output applies to the format without a :<file>, and every --format names its own file');
  return targets.map((target) => (target === toTerminal ? { ...target, file: output } : target));
}
