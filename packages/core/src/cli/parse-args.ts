import { parseArgs } from 'node:util';
import type { FixKind } from '../engine/types';
import { FORMATS } from '../reporters';
import { parseOutputTargets, type OutputTarget } from '../reporters/output-target';
import { DEFAULT_WATCH_DEBOUNCE_MS } from '../runner/watch-changes';

export interface CheckCommand {
  command: 'check';
  paths: string[];
  config?: string;
  /** Where each requested format goes: at most one to stdout, the others to files. */
  outputs: OutputTarget[];
  reportUnusedSuppressions: boolean;
  baseline?: string;
  updateBaseline: boolean;
  /** Fail when there are more new warnings than this; undefined: warnings never fail. */
  maxWarnings?: number;
  /** Print rule timings, memory and file counts to stderr. */
  profile: boolean;
  /** Apply the fixes rules offer (of `fixType`), then report what remains. */
  fix: boolean;
  /** `safe`: safe fixes only; `suggestion`: safe fixes and suggestions. */
  fixType: FixKind;
  /** Keep running: check again after each burst of changes. */
  watch: boolean;
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
            current folder, or the built-in defaults).
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
  --update-baseline     Write the --baseline file from this run's violations
  --max-warnings <n>    Exit 1 when there are more than n new warnings
  --profile             Print the time per rule, peak memory and file counts to stderr
  --fix                 Apply the fixes rules offer, write the files, then report what
                        remains; a fix whose result would not parse is refused
  --fix-type <kind>     With --fix: safe (default) applies safe fixes only; suggestion
                        applies suggestions too (e.g. @ts-ignore -> @ts-expect-error)
  --watch               Keep running: check the changed files again after each burst of
                        changes and print the report again (Ctrl-C stops)
  --watch-debounce <ms> With --watch: quiet time before a burst is checked (default 300)
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 nothing blocks (warnings allowed), 1 a new error, more new warnings than
--max-warnings, or a blocked report, 2 usage or config error.
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
    return { command: 'report', directory: paths[0] ?? '.nx-enforcer', named: paths[0] !== undefined, config: values.config };
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"; the commands are "check", "test-rules" and "report"`);
  const outputs = outputsOf(values.format ?? ['stylish'], values.output);
  const updateBaseline = values['update-baseline'] === true;
  if (updateBaseline && values.baseline === undefined) throw new UsageError('--update-baseline needs --baseline <file>');
  const maxWarningsText = values['max-warnings'];
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsText}"`);
  const fix = values.fix === true;
  const fixType = values['fix-type'];
  if (fixType !== undefined && !fix) throw new UsageError('--fix-type needs --fix');
  if (fixType !== undefined && fixType !== 'safe' && fixType !== 'suggestion') throw new UsageError(`--fix-type takes safe or suggestion, not "${fixType}"`);
  // A fix run writes sources, never the baseline, and is not profiled.
  if (fix && updateBaseline) throw new UsageError('--fix cannot be combined with --update-baseline: fix first, then record the baseline');
  if (fix && values.profile === true) throw new UsageError('--profile is not available with --fix');
  const watch = values.watch === true;
  const debounceText = values['watch-debounce'];
  if (debounceText !== undefined && !watch) throw new UsageError('--watch-debounce needs --watch');
  const watchDebounce = debounceText === undefined ? DEFAULT_WATCH_DEBOUNCE_MS : Number(debounceText);
  if (!Number.isInteger(watchDebounce) || watchDebounce < 0) throw new UsageError(`--watch-debounce takes milliseconds, a whole number, not "${debounceText}"`);
  if (watch && (fix || updateBaseline)) throw new UsageError(`--watch cannot be combined with ${fix ? '--fix' : '--update-baseline'}: run that once, then watch`);
  if (watch && outputs.some((target) => target.file !== undefined)) throw new UsageError('--watch prints to the terminal only: drop the :<file> of --format');
  return {
    command: 'check',
    paths,
    config: values.config,
    outputs,
    reportUnusedSuppressions: values['report-unused-suppressions'] === true,
    baseline: values.baseline,
    updateBaseline,
    maxWarnings,
    profile: values.profile === true,
    fix,
    fixType: fixType ?? 'safe',
    watch,
    watchDebounce,
  };
}

function outputsOf(formats: readonly string[], output: string | undefined): OutputTarget[] {
  let targets: OutputTarget[];
  try {
    targets = parseOutputTargets(formats);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (output === undefined) return targets;
  const toTerminal = targets.find((target) => target.file === undefined);
  if (!toTerminal) throw new UsageError('--output applies to the format without a :<file>, and every --format names its own file');
  return targets.map((target) => (target === toTerminal ? { ...target, file: output } : target));
}
