// For nx-enforcer (the Nx plugin) and this repository's tools only: the pieces the adapter wires
// (file discovery, output folders, the workspace summary, watching) and the benchmark measures. No
// compatibility promise: import @nx-enforcer/core's public API instead.
export { CODE_EXTENSIONS, isCodeFile, LANGUAGE_FILES } from './engine/source-kinds';
export { PROGRAM_MANIFESTS } from './rules/rule-utils/declared-entry-points';
export { LICENSE_FILES } from './runner/vendored-folders';
export { isDefaultIgnored, textFileGlobsOf } from './config/config-resolver';
export { buildConfigJsonSchema } from './config/config-schema';
export { parseConfig } from './config/validate-config';
export { checkFiles, isCheckedFile, type CheckFilesOptions } from './runner/check-files';
export { discoverFiles, type DiscoveredFiles } from './runner/discover-files';
export { findProjectRoots } from './runner/project-roots';
export { pathAliasesOf } from './runner/discover-projects';
export { sourceFilesOutsideProjects, type OutsideProjects } from './runner/outside-projects';
export { IGNORE_FILE_NAMES, WorkspaceIgnores, type IgnoredBy } from './runner/ignore-files';
export { runCheck, type RunCheckOptions, type RunCheckResult } from './runner/run-check';
export { applyFixes, type ApplyFixesInput, type ApplyFixesResult } from './runner/apply-fixes';
export { fixFiles, MAX_FIX_PASSES, type FixFilesOptions, type FixFilesResult } from './runner/fix-files';
export { formatFixSummary, type FixSummaryOptions } from './reporters/fix-summary';
export { checkProject, type ProjectCheckResult } from './runner/check-project';
export { buildRunReport } from './runner/run-report';
export { Baseline, BASELINE_VERSION, type BaselineComparison, type BaselineEntry, type BaselineFile } from './session/baseline';
export { formatProfile } from './reporters/profile';
export { RunProfiler, type RunProfile } from './runner/run-profile';
export { RuleTimings } from './engine/rule-timings';
export {
  buildSessionShard,
  reusableViolations,
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
export { afterFixLine, plural, tooManyWarningsMessage } from './service/verdict';
export { ProjectOutputFolder } from './service/project-output-folder';
export { WORKERS_VARIABLE, workerThreadsFor } from './service/worker-threads';
export { findReportFiles, type ReportFile } from './summary/find-reports';
export { projectFolderName, projectRootOfFolder } from './summary/output-layout';
export {
  BLOCK_FILE,
  ENFORCE_TARGET,
  enforceTargetOfFix,
  fixTargetNameOf,
  isFixTargetName,
  OUTPUT_FOLDER,
  PROJECTS_FOLDER,
  SESSION_SHARD_FILE,
  STATUS_FILE,
  SUMMARY_FOLDER,
  VIOLATIONS_FILE,
  watchTargetNameOf,
  WORKSPACE_SARIF_FILE,
} from './output-names';
export { shellWord, type CommandStyle } from './summary/fix-command';
export { execPrefixFrom, execPrefixOf, type ExecPrefix } from './summary/package-manager';
export { formatSummaryLine, statusOf, summariseReports, SUMMARY_LIMITS, writeWorkspaceSummary } from './summary/workspace-summary';
export { coalesceBursts, DEFAULT_WATCH_DEBOUNCE_MS, watchPaths, type WatchPathsOptions } from './runner/watch-changes';
export { WatchedCheck, type WatchedCheckOptions, type WatchUpdate } from './runner/watched-check';
export { buildAgentReport, formatAgentReport } from './summary/agent-report';
export { formatGithub, formatGitlab, formatJson, formatJunit, formatMarkdown, formatSarif, formatStylish } from './reporters';
export { parseOutputTarget } from './reporters/output-target';
export { DEFAULT_IGNORES, DEFAULT_MAX_FILE_SIZE, DEFAULT_SESSION_LIMITS, DEFAULT_TEST_FILES } from './config/defaults';
export { createWorkspaceView } from './engine/workspace-view';
export { isInsideRoot, isWorkspaceRoot, joinProjectPath, normalizeRoot, projectPathPrefix, relativeToProject, rootFolder } from './engine/workspace-paths';
