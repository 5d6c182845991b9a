// Public API of @nx-enforcer/core. Everything else is internal.
export { defineRule } from './engine/define-rule';
export { lintSource, PARSE_ERROR_RULE_ID, type LintSourceInput, type LintSourceResult } from './engine/lint-source';
export { CODE_EXTENSIONS, isCodeFile } from './engine/source-kinds';
export { PROGRAM_MANIFESTS } from './rules/rule-utils/declared-entry-points';
export { LICENSE_FILES } from './runner/vendored-folders';
export { createWorkspaceView, type ResolvedImport, type WorkspaceProject, type WorkspaceView, type WorkspaceViewInput } from './engine/workspace-view';
export type {
  ActiveRule,
  JsonSchema,
  Notice,
  NoticeCode,
  ProjectRuleContext,
  ReportDescriptor,
  Rule,
  RuleCategory,
  RuleContext,
  RuleMeta,
  RuleVisitors,
  Severity,
  SeveritySetting,
  Violation,
} from './engine/types';

export { ConfigError, isConfigError, type ConfigErrorCode } from './config/config-error';
export { ConfigResolver, isDefaultIgnored, textFileGlobsOf } from './config/config-resolver';
export { buildConfigJsonSchema } from './config/config-schema';
export { CONFIG_FILE_NAME, DEFAULT_IGNORES, DEFAULT_MAX_FILE_SIZE, DEFAULT_SESSION_LIMITS, DEFAULT_TEST_FILES } from './config/defaults';
export { loadConfig, type LoadConfigOptions } from './config/load-config';
export type { ConfigLayer, ConfigOverride, EnforcerConfigFile, RuleSetting, SessionLimitsSetting } from './config/types';
export { parseConfig } from './config/validate-config';

export { checkFiles, isCheckedFile, type CheckFilesOptions, type FileResult, type SourceFileRef } from './runner/check-files';
export { discoverFiles, type DiscoveredFiles } from './runner/discover-files';
export { findProjectRoots } from './runner/project-roots';
export { sourceFilesOutsideProjects, type OutsideProjects } from './runner/outside-projects';
export { IGNORE_FILE_NAMES, WorkspaceIgnores, type IgnoredBy } from './runner/ignore-files';
export { runCheck, type RunCheckOptions, type RunCheckResult } from './runner/run-check';
export { applyFixes, type ApplyFixesInput, type ApplyFixesResult } from './runner/apply-fixes';
export { fixFiles, MAX_FIX_PASSES, type FileFixResult, type FixFilesOptions, type FixFilesResult, type RefusedFix } from './runner/fix-files';
export { formatFixSummary, type FixSummaryOptions } from './reporters/fix-summary';
export type { Fix, FixableViolation, FixImport, FixKind, TextEdit } from './engine/types';
export { checkProject, type ProjectCheckResult, type ProjectInfo } from './runner/check-project';
export { buildRunReport, isBlocking, REPORT_VERSION, REPORT_VIOLATION_LIMIT, type ReportedViolation, type RunReport, type ViolationScope } from './runner/run-report';
export { Baseline, BASELINE_FILE, BASELINE_VERSION, type BaselineComparison, type BaselineEntry, type BaselineFile } from './session/baseline';

export { formatGithub, formatGitlab, formatJson, formatJunit, formatMarkdown, formatReport, formatSarif, formatStylish, FORMATS, isFormatName, type FormatContext, type FormatName } from './reporters';
export { parseOutputTarget, parseOutputTargets, type OutputTarget } from './reporters/output-target';
export { formatProfile } from './reporters/profile';
export { RunProfiler, type RunProfile } from './runner/run-profile';
export { RuleTimings } from './engine/rule-timings';

export {
  buildSessionShard,
  reusableViolations,
  SESSION_SHARD_FILE,
  SESSION_SHARD_VERSION,
  SessionShardStore,
  type CompactViolation,
  type RuleCounts,
  type SessionLimits,
  type SessionShard,
  type ShardFile,
  type ShardKey,
  type ShardReadResult,
} from './session/session-shard';
export { removeStaleTempFiles, writeFileAtomic } from './session/atomic-write';
export { stableStringify } from './json/stable-stringify';

export { builtinRules } from './rules';
export { RuleTester, lintWithRule, type RuleTesterCases } from './testing/rule-tester';
export { ProjectRuleTester, checkWithRule, type ProjectInvalidCase, type ProjectValidCase } from './testing/project-rule-tester';
export { main as runCli } from './cli/main';
export { Enforcer, baselineFileOf, type CheckContext, type CheckOutcome, type CheckTarget, type EnforcerInit, type FixOutcome } from './service/enforcer';
export { CLI_OPTION_NAMES, normaliseRunOptions, OptionError, TARGET_OPTION_NAMES, type OptionNames, type RawRunOptions, type RunOptions } from './service/run-options';
export { afterFixLine, plural, tooManyWarningsMessage, verdictLine, verdictOf, type Verdict } from './service/verdict';
export { mergeRunReports } from './service/merge-reports';
export { ProjectOutputFolder, REPORT_FILE, SARIF_FILE } from './service/project-output-folder';
export { ENFORCER_VERSION } from './version';
export { findReportFiles, type ReportFile } from './summary/find-reports';
export { PROJECTS_FOLDER, projectFolderName, projectRootOfFolder, SUMMARY_FOLDER } from './summary/output-layout';
export type { CommandStyle } from './summary/fix-command';
export { execPrefixFrom, execPrefixOf, type ExecPrefix } from './summary/package-manager';
export { formatSummaryLine, statusOf, summariseReports, SUMMARY_LIMITS, writeWorkspaceSummary, type SummaryStatus, type WorkspaceSummary } from './summary/workspace-summary';
export { coalesceBursts, DEFAULT_WATCH_DEBOUNCE_MS, watchPaths, type WatchPathsOptions } from './runner/watch-changes';
export { WatchedCheck, type WatchedCheckOptions, type WatchUpdate } from './runner/watched-check';
export { AGENT_REPORT_FILE, AGENT_REPORT_VERSION, buildAgentReport, formatAgentReport, type AgentReport, type NextAction } from './summary/agent-report';
