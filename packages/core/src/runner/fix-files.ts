import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConfigResolver } from '../config/config-resolver';
import type { LintSourceResult } from '../engine/lint-source';
import type { ActiveRule, FixableViolation, FixKind, Violation } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import { removeStaleTempFiles, writeFileAtomic } from '../session/atomic-write';
import { Baseline } from '../session/baseline';
import { ENFORCER_VERSION } from '../version';
import { applyFixes, type ApplyFixesResult } from './apply-fixes';
import { isCheckedFile, realPathOf, type FileResult, type SourceFileRef } from './check-files';
import { checkProject, mergeProjectFindings, type ProjectInfo } from './check-project';
import { HeapGuard } from './heap-guard';
import { SourceReader } from './read-source';
import { buildRunReport, countingRuleIds, compareStrings, type RunReport } from './run-report';
import { WorkspaceFileReader } from './workspace-file-reader';
import { FilePipeline } from './file-pipeline';

/**
 * Analyse-and-apply rounds per file. A fix skipped for overlapping another is applied by the next
 * round, on the text the first round produced; the bound stops rules whose fixes keep producing
 * new fixable findings.
 */
export const MAX_FIX_PASSES = 10;

export interface FixFilesOptions {
  /** Absolute path of the workspace root; file paths are relative to it. */
  workspaceRoot: string;
  files: Iterable<SourceFileRef>;
  config: ConfigResolver;
  /** `safe` applies safe fixes only; `suggestion` applies suggestions too. */
  fixType: FixKind;
  reportUnusedSuppressions?: boolean;
  workspace?: WorkspaceView;
  /** The Nx project, named in the report. */
  project?: string;
  /** Workspace-relative; violations it lists are reported as historical. Read only: a fix run never writes it. */
  baselineFile?: string;
  /** The project the files belong to: its project-scoped rules run once over the file list. */
  projectInfo?: ProjectInfo;
}

export interface RefusedFix {
  violation: Violation;
  /** Names the file and the syntax error the fix would cause. */
  reason: string;
}

/** What the fix run did to one file that was offered fixes of the requested kinds. */
export interface FileFixResult {
  file: string;
  /** The findings whose fixes were written, in the order they were applied. */
  applied: Violation[];
  /** Findings whose fix overlapped another one in the last round; a later run applies them. */
  skipped: Violation[];
  /** Findings whose fix was not written (the file would no longer parse, or a rule would find more), each with the reason. */
  refused: RefusedFix[];
  /** The findings left in the file as written. */
  remaining: Violation[];
}

export interface FixFilesResult {
  /** The files some fix was offered for, sorted by path. */
  files: FileFixResult[];
  /** The report of what remains, built as for a check run (same counts, baseline, exit code). */
  report: RunReport;
  /** Per-file results of the final check. */
  results: FileResult[];
}

/**
 * The `--fix` run: each file is analysed, its fixes of the requested kinds applied in one pass,
 * the file analysed again (and fixed again while skipped fixes remain), written once atomically if
 * it changed, and what remains reported. One file at a time, as `checkFiles`, so memory stays flat.
 */
export async function fixFiles(options: FixFilesOptions): Promise<FixFilesResult> {
  const { config, workspaceRoot } = options;
  const baseline = options.baselineFile === undefined ? undefined : await Baseline.read(join(workspaceRoot, options.baselineFile), options.baselineFile);
  const reader = new SourceReader({ maxFileSize: config.maxFileSize, realWorkspaceRoot: realPathOf(workspaceRoot) });
  const pipeline = new FilePipeline({
    workspaceRoot,
    config,
    workspaceFiles: new WorkspaceFileReader(workspaceRoot, reader),
    reportUnusedSuppressions: options.reportUnusedSuppressions,
    workspace: options.workspace,
  });
  const fixer = new FileFixer({ ...options, pipeline });
  const heap = new HeapGuard();
  let results: FileResult[] = [];
  const files: FileFixResult[] = [];
  const paths: string[] = [];
  for (const ref of options.files) {
    paths.push(ref.path);
    if (!isCheckedFile(ref.path, config)) continue;
    const { result, fixed } = await fixer.fix(ref);
    results.push(result);
    if (fixed) files.push(fixed);
    heap.fileAnalysed();
  }
  if (options.projectInfo) results = mergeProjectFindings(results, checkProject(options.projectInfo, paths, config.projectRulesFor(options.projectInfo.root)));
  const report = buildRunReport(results, {
    project: options.project,
    enforcerVersion: ENFORCER_VERSION,
    configHash: config.hash,
    baseline,
    countingRules: countingRuleIds(config.rules),
  });
  return { files: files.sort((a, b) => compareStrings(a.file, b.file)), report, results };
}

interface FileFixerOptions extends FixFilesOptions {
  /** The same read, pre-check and lint as a check run, so a fix run reports what a check would. */
  pipeline: FilePipeline;
}

/** Fixes one file at a time: read, analyse, apply, analyse again, write. */
class FileFixer {
  private readonly kinds: ReadonlySet<FixKind>;

  constructor(private readonly options: FileFixerOptions) {
    // Safe fixes always; a suggestion or a dangerous fix only when asked for by name.
    this.kinds = new Set<FixKind>(options.fixType === 'safe' ? ['safe'] : ['safe', options.fixType]);
  }

  async fix(ref: SourceFileRef): Promise<{ result: FileResult; fixed?: FileFixResult }> {
    const { pipeline, workspaceRoot } = this.options;
    const absolutePath = join(workspaceRoot, ref.path);
    const read = pipeline.read(ref);
    if ('result' in read) return { result: read.result };
    // Generated, minified and vendored code gets no fixes from the rules it is not checked by.
    const prepared = pipeline.prepare(ref, read.text);
    const { rules } = prepared;
    const analyse = (text: string): LintSourceResult => pipeline.lint(prepared, text, { collectFixes: true });

    let text = read.text;
    let checked = analyse(text);
    let pending = this.wanted(checked);
    const offered = pending.length > 0;
    const applied: Violation[] = [];
    let skipped: FixableViolation[] = [];
    let refused: RefusedFix[] = [];
    for (let pass = 0; pending.length > 0; pass++) {
      if (pass === MAX_FIX_PASSES) {
        skipped = pending;
        break;
      }
      const outcome = withoutAddedFindings(ref.path, text, checked.violations, applyParsingFixes(ref.path, text, pending), analyse);
      applied.push(...outcome.applied.map((fixable) => fixable.violation));
      if (outcome.applied.length > 0) {
        text = outcome.text;
        checked = outcome.checked ?? analyse(text);
        pending = this.wanted(checked);
      }
      // A refused fix would be offered again by every further round: stop at the first refusal.
      if (outcome.refused.length > 0 || outcome.applied.length === 0) {
        skipped = outcome.skipped;
        refused = outcome.refused;
        break;
      }
    }
    if (text !== read.text) {
      const failure = await writeSource(absolutePath, text, read.text).then(
        () => undefined,
        (error: unknown) =>
          error instanceof NotWritten
            ? `${ref.path} ${error.message}; its fixes were not written`
            : `${ref.path} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); it was left as it was`,
      );
      // Nothing reached the disk: report the file as it still is, every fix as refused, and why.
      if (failure !== undefined) {
        const unchanged = analyse(read.text);
        const notices = [...unchanged.notices, { file: ref.path, code: 'unreadable' as const, message: failure }];
        const result: FileResult = { file: ref.path, violations: unchanged.violations, notices, rules: rules.map((active: ActiveRule) => active.rule.id) };
        return {
          result,
          fixed: {
            file: ref.path,
            applied: [],
            skipped: [],
            refused: applied.map((violation) => ({ violation, reason: failure })),
            remaining: unchanged.violations,
          },
        };
      }
    }

    const result: FileResult = {
      file: ref.path,
      violations: checked.violations,
      notices: checked.notices,
      rules: rules.map((active: ActiveRule) => active.rule.id),
    };
    if (text === read.text && ref.hash !== undefined) result.hash = ref.hash;
    if (!offered) return { result };
    return { result, fixed: { file: ref.path, applied, skipped: skipped.map((fixable) => fixable.violation), refused, remaining: checked.violations } };
  }

  /** One fix per violation, of a kind asked for: its rule's fix, else its first suggestion. */
  private wanted(checked: LintSourceResult): FixableViolation[] {
    const fixed = new Set<string>();
    return (checked.fixes ?? []).filter((fixable) => {
      if (!this.kinds.has(fixable.fix.kind) || fixed.has(fixable.violation.fingerprint)) return false;
      fixed.add(fixable.violation.fingerprint);
      return true;
    });
  }
}

/**
 * Applies the fixes together; when the result does not parse, finds the fixes that break the file
 * on their own, refuses those, and applies the others together (all of them refused if only their
 * combination breaks it).
 */
function applyParsingFixes(file: string, text: string, fixes: readonly FixableViolation[]): Omit<ApplyFixesResult, 'refused'> & { refused: RefusedFix[] } {
  const together = applyFixes({ file, text, fixes });
  if (together.refused === undefined) return { ...together, refused: [] };
  const refused: RefusedFix[] = [];
  const parsing: FixableViolation[] = [];
  for (const fixable of fixes) {
    const reason = applyFixes({ file, text, fixes: [fixable] }).refused;
    if (reason === undefined) parsing.push(fixable);
    else refused.push({ violation: fixable.violation, reason });
  }
  const retried = applyFixes({ file, text, fixes: parsing });
  if (retried.refused === undefined) return { ...retried, refused };
  const reason = retried.refused;
  return { text, applied: [], skipped: [], refused: [...refused, ...parsing.map((fixable) => ({ violation: fixable.violation, reason }))] };
}

/** A fixed file the fixer chose not to write: the message says why. */
class NotWritten extends Error {}

/**
 * Writes the fixed text over the file the reader read: through a symbolic link to its target (so
 * the link stays a link), keeping a byte-order mark and the file's mode (an executable script stays
 * executable), atomically so an interrupted run leaves the old or the new file, never half of one.
 * Nothing is lost: a read-only file is not rewritten, nor one that changed since it was read (an
 * editor saved it meanwhile), and a killed earlier fix's temp files beside it are removed.
 * @throws (rejects with) NotWritten, or the file system's error; the caller reports the file as unfixed.
 */
/** Fixes of one round tried one by one to find those that add findings; more are refused together. */
const MAX_FIXES_TRIED_ALONE = 50;

type FixOutcome = Omit<ApplyFixesResult, 'refused'> & { refused: RefusedFix[]; checked?: LintSourceResult };

/**
 * A fix must not trade one finding for another: when the fixed text has more findings of some rule
 * than the text before (an import that crosses a project boundary, a shadowed name), each fix of the
 * round is tried alone, those that add findings are refused with the rules they would trip, and the
 * others are applied together (all refused if together they still add one).
 */
function withoutAddedFindings(
  file: string,
  text: string,
  before: readonly Violation[],
  outcome: FixOutcome,
  analyse: (text: string) => LintSourceResult,
): FixOutcome {
  if (outcome.applied.length === 0) return outcome;
  const checked = analyse(outcome.text);
  const addedTogether = addedRules(before, checked.violations);
  if (addedTogether.length === 0) return { ...outcome, checked };
  // Each fix tried alone costs an analysis of the file: past a bound, the round is refused whole.
  if (outcome.applied.length > MAX_FIXES_TRIED_ALONE) {
    const reason = `the fixes together would add ${addedTogether.join(', ')} findings`;
    return {
      text,
      applied: [],
      skipped: outcome.skipped,
      refused: [...outcome.refused, ...outcome.applied.map((fixable) => ({ violation: fixable.violation, reason }))],
    };
  }
  const kept: FixableViolation[] = [];
  const refused: RefusedFix[] = [...outcome.refused];
  for (const fixable of outcome.applied) {
    const alone = applyFixes({ file, text, fixes: [fixable] });
    const added = alone.refused === undefined ? addedRules(before, analyse(alone.text).violations) : [];
    if (alone.refused !== undefined) refused.push({ violation: fixable.violation, reason: alone.refused });
    else if (added.length > 0) refused.push({ violation: fixable.violation, reason: `the fix would add ${added.join(', ')} findings` });
    else kept.push(fixable);
  }
  const together = kept.length > 0 ? applyParsingFixes(file, text, kept) : undefined;
  if (!together || together.applied.length === 0)
    return { text, applied: [], skipped: [...outcome.skipped, ...(together?.skipped ?? [])], refused: [...refused, ...(together?.refused ?? [])] };
  const recheck = analyse(together.text);
  if (addedRules(before, recheck.violations).length > 0) {
    const reason = 'the fixes together would add findings';
    return { text, applied: [], skipped: outcome.skipped, refused: [...refused, ...kept.map((fixable) => ({ violation: fixable.violation, reason }))] };
  }
  return { ...together, refused: [...refused, ...together.refused], skipped: [...outcome.skipped, ...together.skipped], checked: recheck };
}

/** The rules with more findings in `after` than in `before`, sorted. */
function addedRules(before: readonly Violation[], after: readonly Violation[]): string[] {
  const counts = new Map<string, number>();
  for (const violation of before) counts.set(violation.ruleId, (counts.get(violation.ruleId) ?? 0) + 1);
  for (const violation of after) counts.set(violation.ruleId, (counts.get(violation.ruleId) ?? 0) - 1);
  return [...counts]
    .filter(([, balance]) => balance < 0)
    .map(([ruleId]) => ruleId)
    .sort();
}

async function writeSource(absolutePath: string, text: string, readText: string): Promise<void> {
  const target = realpathSync(absolutePath);
  const { mode } = statSync(target);
  if ((mode & 0o222) === 0) throw new NotWritten('is read-only');
  const bom = hasByteOrderMark(target);
  const current = readFileSync(target, 'utf8');
  if ((bom ? current.slice(1) : current) !== readText) throw new NotWritten('changed on disk while it was being fixed');
  await removeStaleTempFiles(dirname(target));
  await writeFileAtomic(target, bom ? `\ufeff${text}` : text);
  await chmod(target, mode & 0o7777);
}

/** @throws the file system's error when the file cannot be opened or read. */
function hasByteOrderMark(path: string): boolean {
  const head = Buffer.alloc(3);
  const descriptor = openSync(path, 'r');
  try {
    return readSync(descriptor, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(descriptor);
  }
}
