import { parseArgs } from 'node:util';
import { FORMATS, isFormatName, type FormatName } from '../reporters';

export interface CheckCommand {
  command: 'check';
  paths: string[];
  config?: string;
  format: FormatName;
  output?: string;
  reportUnusedSuppressions: boolean;
  baseline?: string;
  updateBaseline: boolean;
  /** Fail when there are more new warnings than this; undefined: warnings never fail. */
  maxWarnings?: number;
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
            into <folder>/summary: STATUS.md, VIOLATIONS.md, BLOCK.md, workspace.sarif.
            Exits 1 when something blocks.

Arguments:
  paths                 Files or folders to check (default: the current folder)

Options:
  --config <file>       Config file to use instead of ./enforcer.config.json
  --format <name>       Output format: ${FORMATS.join(' | ')} (default: stylish)
  --output <file>       Write the formatted report to a file instead of stdout
  --report-unused-suppressions
                        Report enforcer-disable comments that suppress nothing
  --baseline <file>     Violations listed in this baseline are historical: reported, never failing
  --update-baseline     Write the --baseline file from this run's violations
  --max-warnings <n>    Exit 1 when there are more than n new warnings
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or config error.
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
        format: { type: 'string', default: 'stylish' },
        output: { type: 'string' },
        'report-unused-suppressions': { type: 'boolean', default: false },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
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
    return { command: 'report', directory: paths[0] ?? '.nx-enforcer', config: values.config };
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"; the commands are "check", "test-rules" and "report"`);
  const format = values.format as string;
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}"; expected one of ${FORMATS.join(', ')}`);
  const updateBaseline = values['update-baseline'] === true;
  if (updateBaseline && values.baseline === undefined) throw new UsageError('--update-baseline needs --baseline <file>');
  const maxWarningsText = values['max-warnings'];
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsText}"`);
  return {
    command: 'check',
    paths,
    config: values.config,
    format,
    output: values.output,
    reportUnusedSuppressions: values['report-unused-suppressions'] === true,
    baseline: values.baseline,
    updateBaseline,
    maxWarnings,
  };
}
