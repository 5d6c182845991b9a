import { CLI_OPTION_NAMES, normaliseRunOptions, OptionError, TARGET_OPTION_NAMES } from './run-options';

describe('normaliseRunOptions: one reading of the options for the CLI and the executor', () => {
  it('should default to stylish on the terminal, no warning limit, safe fixes', () => {
    expect(normaliseRunOptions({}, TARGET_OPTION_NAMES)).toEqual({
      outputs: [{ format: 'stylish' }],
      maxWarnings: undefined,
      reportUnusedSuppressions: false,
      updateBaseline: false,
      profile: false,
      fix: false,
      fixType: 'safe',
      watch: false,
    });
  });

  it('should read formats as a list or comma-separated, and a negative maxWarnings as no limit', () => {
    expect(normaliseRunOptions({ format: 'json, sarif:out.sarif', maxWarnings: -1 }, TARGET_OPTION_NAMES)).toMatchObject({
      outputs: [{ format: 'json' }, { format: 'sarif', file: 'out.sarif' }],
      maxWarnings: undefined,
    });
    expect(normaliseRunOptions({ format: ['junit:j.xml'], maxWarnings: '3' }, CLI_OPTION_NAMES)).toMatchObject({
      outputs: [{ format: 'junit', file: 'j.xml' }],
      maxWarnings: 3,
    });
    expect(normaliseRunOptions({ maxWarnings: 0 }, TARGET_OPTION_NAMES).maxWarnings).toBe(0);
  });

  it.each([
    [{ maxWarnings: 'many' }, '--max-warnings takes a whole number, not "many"', 'maxWarnings takes a whole number, not "many"'],
    [{ maxWarnings: 1.5 }, '--max-warnings takes a whole number, not "1.5"', 'maxWarnings takes a whole number, not "1.5"'],
    [{ fix: true, fixType: 'all' }, '--fix-type takes safe, suggestion or dangerous, not "all"', 'fixType takes safe, suggestion or dangerous, not "all"'],
    [{ fix: true, updateBaseline: true }, '--fix cannot be combined with --update-baseline', 'fix cannot be combined with updateBaseline'],
    [{ fix: true, profile: true }, '--profile is not available with --fix', 'profile is not available with fix'],
    [{ watch: true, fix: true }, '--watch cannot be combined with --fix', 'watch cannot be combined with fix'],
    [{ format: 'yaml' }, '--format: unknown format "yaml"', 'format: unknown format "yaml"'],
    [{ format: 'json,sarif' }, '--format: only one format can print to the terminal', 'format: only one format can print to the terminal'],
  ])('should refuse %j, naming the option as each surface spells it', (raw, cli, target) => {
    expect(() => normaliseRunOptions(raw, CLI_OPTION_NAMES)).toThrow(OptionError);
    expect(() => normaliseRunOptions(raw, CLI_OPTION_NAMES)).toThrow(cli);
    expect(() => normaliseRunOptions(raw, TARGET_OPTION_NAMES)).toThrow(target);
  });

  it("should accept a fixType without fix (a target's options carry the schema default)", () => {
    expect(normaliseRunOptions({ fixType: 'safe' }, TARGET_OPTION_NAMES)).toMatchObject({ fix: false, fixType: 'safe' });
  });
});
