// Public API of @nx-enforcer/core: what users and rule authors need. The service every surface runs
// (Enforcer), rule authoring (defineRule, the types, the testers), configuration, reports and their
// formatters, and the errors. The Nx plugin's other needs are in ./internal, with no promise kept.

// Running it: the service, its options, verdict and watch.
export { Enforcer, baselineFileOf, type CheckContext, type CheckOutcome, type CheckTarget, type EnforcerInit, type FixOutcome } from './service/enforcer';
export {
  CLI_OPTION_NAMES,
  normaliseRunOptions,
  OptionError,
  TARGET_OPTION_NAMES,
  type OptionNames,
  type RawRunOptions,
  type RunOptions,
} from './service/run-options';
export { verdictOf, type Verdict } from './service/verdict';
export { mergeRunReports } from './service/merge-reports';
export { WorkspaceWatch, type WorkspaceWatchInput, type WorkspaceWatchUpdate } from './service/workspace-watch';
export { lintSource, PARSE_ERROR_RULE_ID, type LintSourceInput, type LintSourceResult } from './engine/lint-source';
export { main as runCli } from './cli/main';
export { ENFORCER_VERSION } from './version';
export type { ProjectInfo } from './runner/check-project';
export type { FileResult, SourceFileRef } from './runner/check-files';
export type { FileFixResult, RefusedFix } from './runner/fix-files';
export type { ResolvedImport, WorkspaceProject, WorkspaceView, WorkspaceViewInput } from './engine/workspace-view';

// Writing rules.
export { defineRule, type FileRuleInput, type ProjectRuleInput, type RuleInput, type RuleMetaInput } from './engine/define-rule';
export { defineFileService, defineTextService, type FileService, type FileServiceInput, type TextService } from './engine/rule-services';
export { defineOptions, option, type OptionSchema, type OptionsDefinition, type OptionsOf, type ValueOf } from './engine/rule-options';
export { CODE_RULE_CATEGORIES, RULE_CATEGORIES } from './engine/rule-categories';
export type {
  ActiveRule,
  FileRule,
  FileRuleMeta,
  Fix,
  FixableViolation,
  FixFunction,
  FixImport,
  FixKind,
  FixTarget,
  JsonSchema,
  Notice,
  NoticeCode,
  ProjectRule,
  ProjectRuleContext,
  ProjectRuleMeta,
  ReportDescriptor,
  Rule,
  RuleCategory,
  RuleContext,
  RuleFixer,
  RuleFixKind,
  RuleLanguage,
  RuleMeta,
  RuleMetaBase,
  RuleVisitors,
  Severity,
  SeveritySetting,
  SuggestionDescriptor,
  TextEdit,
  Violation,
} from './engine/types';
export { builtinRules } from './rules';
export { RuleTester, lintWithRule, ruleRunsOn, type RuleTesterCases } from './testing/rule-tester';
export { ProjectRuleTester, checkWithRule, type ProjectInvalidCase, type ProjectValidCase } from './testing/project-rule-tester';

// Configuration.
export { ConfigResolver } from './config/config-resolver';
export { CONFIG_FILE_NAME } from './config/defaults';
export { loadConfig, type LoadConfigOptions } from './config/load-config';
export type { ConfigLayer, ConfigOverride, EnforcerConfigFile, RuleSetting, SessionLimitsSetting } from './config/types';
export { BASELINE_FILE } from './session/baseline';

// Reports and their formatters.
export { isBlocking, REPORT_VERSION, REPORT_VIOLATION_LIMIT, type ReportedViolation, type RunReport, type ViolationScope } from './runner/run-report';
export { formatReport, FORMATS, isFormatName, type FormatContext, type FormatName } from './reporters';
export { parseOutputTargets, type OutputTarget } from './reporters/output-target';
export { AGENT_REPORT_FILE, REPORT_FILE, SARIF_FILE } from './output-names';
export { AGENT_REPORT_VERSION, type AgentReport, type NextAction } from './summary/agent-report';
export type { SummaryStatus, WorkspaceSummary } from './summary/workspace-summary';

// Errors.
export { ConfigError, isConfigError, type ConfigErrorCode } from './config/config-error';
