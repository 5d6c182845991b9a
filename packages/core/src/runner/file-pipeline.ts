import { join } from 'node:path';
import type { ConfigResolver } from '../config/config-resolver';
import { lintSource, type LintSourceResult } from '../engine/lint-source';
import { RunServices } from '../engine/rule-services';
import { maskSecrets } from '../engine/secret-mask';
import type { ActiveRule, Notice } from '../engine/types';
import type { WorkspaceView } from '../engine/workspace-view';
import type { RuleTimings } from '../engine/rule-timings';
import type { FileResult, SourceFileRef } from './file-result';
import { rulesForText } from './generated-files';
import { uncheckedFileViolations } from './unchecked-files';
import { VendoredFolders } from './vendored-folders';
import type { WorkspaceFileReader } from './workspace-file-reader';

export interface FilePipelineOptions {
  workspaceRoot: string;
  config: ConfigResolver;
  /** Serves reads (size, binary and encoding checks) and `context.readFile`. */
  workspaceFiles: WorkspaceFileReader;
  reportUnusedSuppressions?: boolean;
  workspace?: WorkspaceView;
  /** Which paths a rule may read through `context.readFile`; any when not given. */
  canRead?: (path: string, ruleId: string) => boolean;
  timings?: RuleTimings;
}

/** A file whose text was read, with the rules that apply to that text. */
export interface PreparedFile {
  ref: SourceFileRef;
  text: string;
  rules: readonly ActiveRule[];
  /** Why some rules do not apply (generated, minified or vendored code). */
  notice?: Notice;
  /** The licence file that marks the file's folder as vendored, when one does. */
  license?: string;
}

/**
 * One file's way through the engine, the same for check, fix and watch: read (or take the text
 * given, as an editor would for unsaved text), pre-check (generated, minified and vendored code
 * keep only the rules that apply to them), lint, result. Nothing is kept between files.
 */
export class FilePipeline {
  private vendored?: VendoredFolders;
  /** What rules derive from other files' texts (a schema's models, path aliases), kept for the run. */
  private readonly services = new RunServices();

  constructor(private readonly options: FilePipelineOptions) {}

  /** Reads the file; one that cannot be read gives its result (a notice, and a violation where configured) instead. */
  read(ref: SourceFileRef): { text: string } | { result: FileResult } {
    const outcome = this.options.workspaceFiles.reader.read(join(this.options.workspaceRoot, ref.path));
    if ('text' in outcome) return { text: outcome.text };
    const notices: Notice[] = [{ file: ref.path, code: outcome.skipped, message: maskSecrets(`${ref.path} ${outcome.message}`) }];
    return { result: { file: ref.path, hash: ref.hash, violations: uncheckedFileViolations(notices, this.options.config.uncheckedFiles), notices, rules: [] } };
  }

  /** The rules that apply to this text of the file. */
  prepare(ref: SourceFileRef, text: string): PreparedFile {
    this.vendored ??= new VendoredFolders(this.options.workspaceRoot);
    const license = this.vendored.licenseOf(ref.path);
    const applied = rulesForText(ref.path, text, this.options.config.rulesFor(ref.path), license);
    return { ref, text, rules: applied.rules, ...(applied.notice ? { notice: applied.notice } : {}), ...(license !== undefined ? { license } : {}) };
  }

  /** Lints a text of the prepared file (a fix run lints each text its fixes produce). */
  lint(file: PreparedFile, text: string = file.text, options: { collectFixes?: boolean } = {}): LintSourceResult {
    const { config } = this.options;
    const result = lintSource({
      file: file.ref.path,
      text,
      rules: file.rules,
      isTestFile: config.isTestFile(file.ref.path),
      reportUnusedSuppressions: this.options.reportUnusedSuppressions,
      otherLinterSuppressions: config.otherLinterSuppressions,
      workspace: this.options.workspace,
      timings: this.options.timings,
      readFile: (path) => this.options.workspaceFiles.read(path),
      canRead: this.options.canRead,
      collectFixes: options.collectFixes,
      services: this.services,
    });
    if (file.notice) result.notices = [...result.notices, file.notice];
    const unchecked = uncheckedFileViolations(result.notices, config.uncheckedFiles);
    if (unchecked.length > 0) result.violations = [...result.violations, ...unchecked];
    // Removing the licence makes the folder the team's again: a stored result must not outlive it.
    if (file.license !== undefined) result.dependencies = { ...result.dependencies, [file.license]: this.options.workspaceFiles.digest(file.license) };
    return result;
  }

  /** Read, pre-check, lint: the file's result. With `text`, that text is checked instead of the file on disk. */
  check(ref: SourceFileRef, text?: string): FileResult {
    let source = text;
    if (source === undefined) {
      const read = this.read(ref);
      if ('result' in read) return read.result;
      source = read.text;
    }
    const prepared = this.prepare(ref, source);
    const result = this.lint(prepared);
    // Only the rules that ran count the file as checked.
    return { file: ref.path, hash: ref.hash, ...result, rules: idsOf(prepared.rules) };
  }
}

/** One shared id list per rule list (files with the same configuration share one), not one per file. */
const ruleIdLists = new WeakMap<readonly ActiveRule[], string[]>();
export function idsOf(rules: readonly ActiveRule[]): string[] {
  let ids = ruleIdLists.get(rules);
  if (!ids) {
    ids = rules.map((active) => active.rule.id);
    ruleIdLists.set(rules, ids);
  }
  return ids;
}
