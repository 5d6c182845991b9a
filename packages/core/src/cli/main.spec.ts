import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SESSION_LIMITS } from '../config/defaults';
import { MARKDOWN_VIOLATION_LIMIT } from '../reporters/markdown';
import { SUMMARY_LIMITS } from '../summary/workspace-summary';
import { main } from './main';

describe('enforcer CLI', () => {
  let cwd: string;
  let stdout: string;
  let stderr: string;
  const run = (...argv: string[]) => main(argv, { cwd, color: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  /** logging/no-console is off by default; these cases use a console call as their finding. */
  const consoleOn = () => write('enforcer.config.json', JSON.stringify({ rules: { 'logging/no-console': 'warn' } }));
  const write = (path: string, content: string) => {
    mkdirSync(join(cwd, path, '..'), { recursive: true });
    writeFileSync(join(cwd, path), content);
  };

  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'enforcer-cli-'));
    stdout = '';
    stderr = '';
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('should pass an empty workspace, and summarise one with no reports as clean', async () => {
    expect(await run('check')).toBe(0);
    expect(stdout).toContain('0 problems (0 errors, 0 warnings) in 0 files checked: nothing was checked');
    stdout = '';
    expect(await run('report')).toBe(0);
    expect(stdout).toMatch(/^CLEAN: 0 new errors, 0 new warnings in 0 projects\. Summary: \.nx-enforcer\/summary\/STATUS\.md\n$/);
  });

  it('should exit 2, creating nothing, when the folder named to report on does not exist', async () => {
    expect(await run('report', 'nx-enforcr')).toBe(2);
    expect(stderr).toBe('enforcer: nx-enforcr: no such file or directory\n');
    expect(existsSync(join(cwd, 'nx-enforcr'))).toBe(false);
  });

  it('should never print "nothing checked" as a pass, and exit 2 naming why when the paths given hold nothing it checks', async () => {
    expect(await run('check')).toBe(0);
    expect(stdout).toContain('⚠ 0 problems (0 errors, 0 warnings) in 0 files checked: nothing was checked');
    expect(stdout).not.toContain('✔');
    write('build/util.ts', '// @ts-ignore\ngo();\n');
    write('docs/logo.svg', '<svg/>');
    write('.nx-enforcer/old.ts', '// @ts-ignore\ngo();\n');
    stdout = '';
    // A folder's name never hides code: build/ is checked (teams keep release scripts there).
    expect(await run('check', 'build/util.ts')).toBe(1);
    expect(stdout).toContain('typescript/no-ts-ignore');
    stdout = '';
    expect(await run('check', '.nx-enforcer/old.ts')).toBe(2);
    expect(stdout).toContain('.nx-enforcer/old.ts was named but nothing in it was checked: it matches the ignores');
    expect(stderr).toContain('enforcer: nothing was checked: .nx-enforcer/old.ts was named but nothing in it was checked: it matches the ignores');
    stdout = '';
    stderr = '';
    stdout = '';
    stderr = '';
    expect(await run('check', 'docs')).toBe(2);
    expect(stderr).toContain('docs was named but nothing in it was checked: no file there is of a kind any rule checks');
  });

  it('should name, with the others checked, a path given that holds nothing it checks', async () => {
    write('src/ok.ts', 'export const ok = 1;\n');
    write('dist/out.js', 'console.log(1);\n');
    write('.gitignore', '# build output\n/dist\n');
    expect(await run('check', 'src', 'dist', '--format', 'json')).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.summary.filesChecked).toBe(1);
    expect(report.notices).toEqual([
      {
        file: 'dist',
        code: 'not-checked',
        message: 'dist was named but nothing in it was checked: it is ignored by .gitignore (`/dist`), as Nx ignores it; name a file in it to check that file',
      },
    ]);
  });

  it('should leave out what .gitignore and .nxignore leave out, in every folder, as Nx does, and check a file named explicitly', async () => {
    write('.gitignore', 'dist/\n*.log.ts\n');
    write('libs/a/.gitignore', 'generated/\n!keep.log.ts\n');
    write('libs/a/.nxignore', 'scratch.ts\n');
    const bad = '// @ts-ignore\ngo();\n';
    for (const path of [
      'src/a.ts',
      'dist/out.ts',
      'src/debug.log.ts',
      'libs/a/src/b.ts',
      'libs/a/generated/api.ts',
      'libs/a/keep.log.ts',
      'libs/a/scratch.ts',
      'build/release.ts',
    ])
      write(path, bad);
    expect(await run('check', '--format', 'json')).toBe(1);
    const checked = (JSON.parse(stdout) as { violations: Array<{ file: string }> }).violations.map((violation) => violation.file);
    expect(checked).toEqual(['build/release.ts', 'libs/a/keep.log.ts', 'libs/a/src/b.ts', 'src/a.ts']);
    stdout = '';
    expect(await run('check', 'libs/a/generated/api.ts', '--format', 'json')).toBe(1);
    expect(JSON.parse(stdout).summary.filesChecked).toBe(1);
    stdout = '';
    expect(await run('check', 'libs/a/generated')).toBe(2);
    expect(stderr).toContain('libs/a/generated was named but nothing in it was checked: it is ignored by libs/a/.gitignore (`generated/`)');
  });

  it('should print help and exit 0', async () => {
    expect(await run('--help')).toBe(0);
    expect(stdout).toContain('Usage: enforcer check [paths...]');
  });

  it('should exit 0 with warnings only, listing file:line:col, message and rule', async () => {
    consoleOn();
    write('src/app.ts', `export function start() {\n  console.log('up');\n}\n`);
    expect(await run('check')).toBe(0);
    expect(stdout).toContain('src/app.ts\n  2:3      warn   Unexpected console.log(): log through the project logger instead.  logging/no-console');
    // The source and the config that turns the rule on (scanned for secrets).
    expect(stdout).toContain('1 problem (0 errors, 1 warning) in 2 files checked');
  });

  it('should exit 1 when an error violation exists', async () => {
    write('src/app.ts', '// @ts-ignore\ngo();\n');
    expect(await run('check', 'src')).toBe(1);
    expect(stdout).toContain('typescript/no-ts-ignore');
  });

  it('should skip node_modules and check only the given paths', async () => {
    write('node_modules/pkg/index.js', '// @ts-ignore\ngo();\n');
    write('other/bad.ts', '// @ts-ignore\ngo();\n');
    write('src/ok.ts', 'export const ok = 1;\n');
    expect(await run('check', 'src')).toBe(0);
    expect(stdout).toContain('0 problems (0 errors, 0 warnings) in 1 file checked');
  });

  it('should apply enforcer.config.json from the current folder', async () => {
    write('enforcer.config.json', '{ "rules": { "logging/no-console": "error" } }');
    write('src/app.ts', `console.log('x');\n`);
    expect(await run('check')).toBe(1);
  });

  it('should exit 2 and name the file and the problem for a broken config', async () => {
    write('enforcer.config.json', '{ "rules": { "no-console": "error" } }');
    write('src/app.ts', 'export {};\n');
    expect(await run('check')).toBe(2);
    expect(stderr).toMatch(/^enforcer: enforcer\.config\.json:1:14: rules\["no-console"\]: unknown rule "no-console"\. Valid rule ids: /);
    expect(stdout).toBe('');
  });

  it('should exit 2 for a missing --config file, an unknown option, an unknown format or a missing path', async () => {
    expect(await run('check', '--config', 'nope.json')).toBe(2);
    expect(stderr).toContain('nope.json: file not found');
    expect(await run('check', '--fast')).toBe(2);
    expect(await run('check', '--format', 'xml')).toBe(2);
    expect(stderr).toContain('unknown format "xml"; expected one of stylish, json');
    expect(await run('check', 'does-not-exist')).toBe(2);
    expect(stderr).toContain('does-not-exist: no such file or directory');
  });

  it('should report unused suppressions with --report-unused-suppressions', async () => {
    write('src/app.ts', `// enforcer-disable-next-line logging/no-console -- leftover\nexport const a = 1;\n`);
    expect(await run('check')).toBe(0);
    expect(stdout).not.toContain('suppression/unused');
    expect(await run('check', '--report-unused-suppressions')).toBe(0);
    expect(stdout).toContain('Unused suppression: no logging/no-console violation here to suppress; remove the comment.  suppression/unused');
  });

  it('should record a baseline, then fail only on violations it does not list', async () => {
    write('src/app.ts', '// @ts-ignore\ngo();\n');
    expect(await run('check', '--baseline', 'enforcer.baseline.json', '--update-baseline')).toBe(0);
    expect(await run('check', '--baseline', 'enforcer.baseline.json')).toBe(0);
    expect(stdout).toContain('(baseline)');
    expect(stdout).toContain('0 problems (0 errors, 0 warnings); 1 more accepted by the baseline in 1 file checked');
    write('src/new.ts', '// @ts-ignore\ngo();\n');
    expect(await run('check', '--baseline', 'enforcer.baseline.json')).toBe(1);
    expect(await run('check', '--update-baseline')).toBe(2);
    expect(stderr).toContain('--update-baseline needs --baseline <file>');
  });

  it('should fail on more new warnings than --max-warnings', async () => {
    consoleOn();
    write('src/app.ts', `console.log(1);\nconsole.log(2);\n`);
    expect(await run('check', '--max-warnings', '2')).toBe(0);
    expect(await run('check', '--max-warnings', '1')).toBe(1);
    expect(stderr).toContain('2 new warnings exceed --max-warnings 1');
    expect(await run('check', '--max-warnings', 'many')).toBe(2);
  });

  it('should write the JSON report to --output and keep stdout empty', async () => {
    consoleOn();
    write('src/app.ts', `console.error('x');\n`);
    expect(await run('check', '--format', 'json', '--output', 'out/report.json')).toBe(0);
    expect(stdout).toBe('');
    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(report).toMatchObject({ version: 1, summary: { filesChecked: 2, errors: 0, warnings: 1 } });
    expect(report.violations[0]).toMatchObject({ file: 'src/app.ts', line: 1, column: 1, ruleId: 'logging/no-console', scope: 'new' });
  });

  it('should print one format and write the others to their files when --format is repeated', async () => {
    consoleOn();
    write('src/app.ts', `console.error('x');\n`);
    expect(await run('check', '--format', 'stylish', '--format', 'sarif:out/report.sarif', '--format', 'junit:out/junit.xml')).toBe(0);
    expect(stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(JSON.parse(readFileSync(join(cwd, 'out/report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(cwd, 'out/junit.xml'), 'utf8')).toContain('<testsuite name="logging/no-console"');
    expect(await run('check', '--format', 'stylish', '--format', 'json')).toBe(2);
    expect(stderr).toContain('only one format can print to the terminal, not stylish and json');
  });

  it('should print GitHub Actions annotations with --format github and write a GitLab Code Quality file', async () => {
    write('enforcer.config.json', JSON.stringify({ rules: { 'logging/no-console': 'warn', 'errors/no-empty-catch': 'error' } }));
    write('src/app.ts', `console.error('x');\ntry { go(); } catch {}\n`);
    expect(await run('check', '--format', 'github', '--format', 'gitlab:gl-code-quality.json')).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error file=src\/app\.ts,line=2,endLine=2,col=\d+,endColumn=\d+,title=errors\/no-empty-catch::/);
    expect(lines[1]).toMatch(/^::warning file=src\/app\.ts,line=1,endLine=1,col=1,endColumn=\d+,title=logging\/no-console::/);
    expect(lines.at(-1)).toBe('nx-enforcer: 1 new error, 1 new warning in 2 files checked');
    const issues = JSON.parse(readFileSync(join(cwd, 'gl-code-quality.json'), 'utf8'));
    expect(
      issues.map((issue: { check_name: string; severity: string; location: { path: string; lines: { begin: number } } }) => [
        issue.check_name,
        issue.severity,
        issue.location.path,
        issue.location.lines.begin,
      ]),
    ).toEqual([
      ['logging/no-console', 'minor', 'src/app.ts', 1],
      ['errors/no-empty-catch', 'major', 'src/app.ts', 2],
    ]);
  });

  it('should say what each rule examined, in report.json and under the total, so a pass over nothing is visible', async () => {
    consoleOn();
    write('src/app.ts', `try { go(); } catch {}\nconsole.info('up');\nconst text = 'console.log';\n`);
    write('src/quiet.ts', `export const one = 1;\n`);
    expect(await run('check', '--format', 'json')).toBe(0);
    const coverage = (JSON.parse(stdout) as { coverage: Array<{ ruleId: string; files: number; examined?: number; couldNotVerify?: number }> }).coverage;
    expect(coverage.find((entry) => entry.ruleId === 'logging/no-console')).toEqual({ ruleId: 'logging/no-console', files: 2, examined: 1, couldNotVerify: 0 });
    expect(coverage.find((entry) => entry.ruleId === 'errors/no-empty-catch')).toEqual({
      ruleId: 'errors/no-empty-catch',
      files: 2,
      examined: 1,
      couldNotVerify: 0,
    });
    // A counting rule that met nothing to examine says 0; a rule without a unit counts files.
    expect(coverage.find((entry) => entry.ruleId === 'typescript/no-ts-ignore')).toEqual({
      ruleId: 'typescript/no-ts-ignore',
      files: 2,
      examined: 0,
      couldNotVerify: 0,
    });
    // Two sources and the config file, which only the secrets rule reads.
    expect(coverage.find((entry) => entry.ruleId === 'security/no-secrets')).toEqual({ ruleId: 'security/no-secrets', files: 3 });
    stdout = '';
    expect(await run('check')).toBe(0);
    expect(stdout).toContain(
      'Examined: errors/no-empty-catch 1 catch clauses and .catch() callbacks, logging/no-console 1 console references, ' +
        'typescript/no-ts-ignore 0 TypeScript directives',
    );
  });

  it('should print a profile to stderr with --profile, leaving stdout parsable', async () => {
    consoleOn();
    write('src/app.ts', `console.error('x');\n// @ts-ignore\ngo();\n`);
    write('src/clean.ts', `export const one = 1;\n`);
    expect(await run('check', '--format', 'json', '--profile')).toBe(1);
    expect(JSON.parse(stdout).summary.filesChecked).toBe(3);
    expect(stderr).toMatch(/^Profile: 3 files analysed, 0 reused, [\d.]+ ms; peak RSS [\d.]+ MB, peak heap [\d.]+ MB\n/);
    // Beside its time, what each rule looked at: its own unit, or the files it ran on.
    expect(stderr).toMatch(/\n {2}logging\/no-console +[\d.]+ +[\d.]+% {2}1 console references\n/);
    expect(stderr).toMatch(/\n {2}security\/no-secrets +[\d.]+ +[\d.]+% {2}3 files\n/);
    expect(stderr).toContain('(parse)');
  });

  describe('a blocking error after every display cap', () => {
    // More warnings than the markdown report, the summary and a session shard list, then the one error last.
    const warnings = Math.max(MARKDOWN_VIOLATION_LIMIT, SUMMARY_LIMITS.violations, DEFAULT_SESSION_LIMITS.maxViolationsPerFile) + 1;
    beforeEach(() => {
      write('enforcer.config.json', JSON.stringify({ rules: { 'logging/no-console': 'warn' }, session: { maxViolationsPerFile: 1, maxViolations: 1 } }));
      write('src/app.ts', `${"console.log('x');\n".repeat(warnings)}// @ts-ignore\ngo();\n`);
    });

    it('should make `enforcer check` exit 1, whatever the format shows', async () => {
      expect(await run('check', '--format', 'markdown')).toBe(1);
      expect(stdout).not.toContain('| error |');
      expect(stdout).toContain(`…and ${warnings + 1 - MARKDOWN_VIOLATION_LIMIT} more`);
    });

    it('should make `enforcer report` exit 1 and hand the error to the agent report', async () => {
      expect(await run('check', '--format', 'json', '--output', '.nx-enforcer/app/report.json')).toBe(1);
      stdout = '';
      expect(await run('report')).toBe(1);
      expect(stdout).toMatch(new RegExp(`^BLOCKED: 1 new error, ${warnings} new warnings in `));
      const agentReport = JSON.parse(readFileSync(join(cwd, '.nx-enforcer/summary/agent-report.json'), 'utf8'));
      expect(agentReport).toMatchObject({ status: 'BLOCKED', blocking: 1, filesToReadFirst: ['src/app.ts'] });
      expect(agentReport.nextActions).toEqual([expect.objectContaining({ file: 'src/app.ts', line: warnings + 1, rule: 'typescript/no-ts-ignore' })]);
      expect(readFileSync(join(cwd, '.nx-enforcer/summary/BLOCK.md'), 'utf8')).toContain(`\`src/app.ts:${warnings + 1}:`);
    });
  });

  describe('--fix', () => {
    const loggerConfig = JSON.stringify({ rules: { 'logging/no-console': ['error', { logger: 'logger from @acme/logging', loggerModule: '@acme/logging' }] } });

    it('should apply safe fixes, print what it fixed, then the problems that remain and that they still block, and exit 0', async () => {
      write('enforcer.config.json', loggerConfig);
      write(
        'src/app.ts',
        "import { start } from './start';\n\nstart();\nconsole.log('up');\nconsole.table([1]);\n// @ts-ignore -- the v1 payload\nstart(1);\n",
      );

      // The exit code of a fix run says the fixes were applied; the last line says what still blocks.
      expect(await run('check', '--fix')).toBe(0);

      expect(readFileSync(join(cwd, 'src/app.ts'), 'utf8')).toBe(
        "import { start } from './start';\nimport { logger } from '@acme/logging';\n\nstart();\nlogger.info('up');\n" +
          'console.table([1]);\n// @ts-ignore -- the v1 payload\nstart(1);\n',
      );
      expect(stdout).toMatch(/^src\/app\.ts\n {2}fixed {4}4:1 {6}logging\/no-console\n\nFix \(safe fixes\): 1 fixed in 1 file, 0 refused, 0 skipped\.\n\n/);
      // The report that follows is of the file as written: the suggestion was not applied.
      expect(stdout).toContain('6:1      error  Unexpected console.table(): use logger from @acme/logging instead.');
      expect(stdout).toContain('typescript/no-ts-ignore');
      expect(stdout).not.toContain('console.log');
      expect(stdout).toMatch(
        new RegExp(
          '\\nenforcer: Still blocking after the fixes: 2 new errors, 0 new warnings; no fix of this kind solves them, ' +
            'so they need an edit by hand\\. Then check again: enforcer check\\n$',
        ),
      );
    });

    it('should apply suggestions with --fix-type suggestion, and change nothing on a second run', async () => {
      write('src/legacy.ts', '// @ts-ignore -- the v1 payload is a string\nexport const n: number = JSON.parse(payload);\n');

      expect(await run('check', '--fix', '--fix-type', 'suggestion')).toBe(0);
      const fixed = readFileSync(join(cwd, 'src/legacy.ts'), 'utf8');
      expect(fixed).toBe('// @ts-expect-error -- the v1 payload is a string\nexport const n: number = JSON.parse(payload);\n');
      expect(stdout).toContain('Fix (safe fixes and suggestions): 1 fixed in 1 file, 0 refused, 0 skipped.');

      stdout = '';
      expect(await run('check', '--fix', '--fix-type', 'suggestion')).toBe(0);
      expect(readFileSync(join(cwd, 'src/legacy.ts'), 'utf8')).toBe(fixed);
      expect(stdout).toMatch(/^Fix \(safe fixes and suggestions\): 0 fixed in 0 files, 0 refused, 0 skipped\.\n/);
    });

    it('should keep stdout parsable with a JSON report: the fix summary goes to stderr', async () => {
      write('src/legacy.ts', '// @ts-ignore -- the v1 payload\nexport const n = 1;\n');

      expect(await run('check', '--fix', '--fix-type', 'suggestion', '--format', 'json')).toBe(0);

      expect(JSON.parse(stdout).summary).toMatchObject({ filesChecked: 1, errors: 0 });
      expect(stderr).toContain('Fix (safe fixes and suggestions): 1 fixed in 1 file');
    });

    it('should exit 2 for --fix-type without --fix, an unknown fix type, or --fix with --update-baseline', async () => {
      expect(await run('check', '--fix-type', 'suggestion')).toBe(2);
      expect(stderr).toContain('--fix-type needs --fix');
      expect(await run('check', '--fix', '--fix-type', 'everything')).toBe(2);
      expect(stderr).toContain('--fix-type takes safe, suggestion or dangerous, not "everything"');
      expect(await run('check', '--fix', '--baseline', 'b.json', '--update-baseline')).toBe(2);
      expect(stderr).toContain('--fix cannot be combined with --update-baseline');
    });

    it('should document --fix and --fix-type in the help', async () => {
      await run('--help');
      expect(stdout).toContain('--fix ');
      expect(stdout).toContain('--fix-type <kind>');
    });
  });

  describe('check --watch', () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
    const until = async (condition: () => boolean) => {
      for (let attempt = 0; attempt < 100 && !condition(); attempt++) await settle();
    };

    it('should check the changed files again after each burst, report a parse error mid-edit, and exit with the last verdict when stopped', async () => {
      write('src/a.ts', 'export const a = 1;\n');
      write('src/b.ts', 'export const b = 1;\n');
      const stop = new AbortController();
      const exit = main(['check', 'src', '--watch', '--watch-debounce', '50'], {
        cwd,
        color: false,
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        stop: stop.signal,
      });
      await until(() => stderr.includes('watching'));
      await settle();
      expect(stdout).toContain('0 problems (0 errors, 0 warnings) in 2 files checked');

      write('src/b.ts', 'export const b = (;\n');
      await until(() => stdout.includes('checked again: src/b.ts'));
      expect(stdout).toContain('parse-error');

      stdout = '';
      write('src/b.ts', '// @ts-ignore\ngo();\n');
      await until(() => stdout.includes('checked again: src/b.ts'));
      expect(stdout).toContain('typescript/no-ts-ignore');
      expect(stdout).not.toContain('parse-error');

      stop.abort();
      expect(await exit).toBe(1);
    });

    it('should refuse combinations it cannot honour', async () => {
      expect(await run('check', '--watch', '--fix')).toBe(2);
      expect(await run('check', '--watch', '--format', 'json:out.json')).toBe(2);
      expect(await run('check', '--watch-debounce', '10')).toBe(2);
      expect(stderr).toContain('--watch cannot be combined with --fix');
    });
  });
});
