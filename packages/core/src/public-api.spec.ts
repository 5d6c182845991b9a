import * as core from './index';
import * as internal from './internal';

/**
 * What `@nx-enforcer/core` promises users and rule authors: the service, rule authoring and its
 * testers, configuration, reports and their formatters, errors. A new export is a decision, made
 * here; what only the Nx plugin wires goes to `@nx-enforcer/core/internal`.
 */
describe('the public API of @nx-enforcer/core', () => {
  it('should export exactly the service, rule authoring, configuration, reports and errors', () => {
    expect(Object.keys(core).sort()).toEqual([
      'AGENT_REPORT_FILE',
      'AGENT_REPORT_VERSION',
      'BASELINE_FILE',
      'CLI_OPTION_NAMES',
      'CODE_RULE_CATEGORIES',
      'CONFIG_FILE_NAME',
      'ConfigError',
      'ConfigResolver',
      'ENFORCER_VERSION',
      'Enforcer',
      'FORMATS',
      'OptionError',
      'PARSE_ERROR_RULE_ID',
      'ProjectRuleTester',
      'REPORT_FILE',
      'REPORT_VERSION',
      'REPORT_VIOLATION_LIMIT',
      'RULE_CATEGORIES',
      'RuleTester',
      'SARIF_FILE',
      'TARGET_OPTION_NAMES',
      'WorkspaceWatch',
      'baselineFileOf',
      'builtinRules',
      'checkWithRule',
      'defineFileService',
      'defineOptions',
      'defineRule',
      'defineTextService',
      'formatReport',
      'isBlocking',
      'isConfigError',
      'isFormatName',
      'lintSource',
      'lintWithRule',
      'loadConfig',
      'mergeRunReports',
      'normaliseRunOptions',
      'option',
      'parseOutputTargets',
      'ruleRunsOn',
      'runCli',
      'verdictOf',
    ]);
  });

  it('should keep the internal entry apart: nothing is exported by both', () => {
    expect(Object.keys(internal).filter((name) => name in core)).toEqual([]);
  });
});
