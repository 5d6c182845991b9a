import type { FixKind, Rule } from '../engine/types';
import { ENFORCE_TARGET, fixTargetNameOf } from '../output-names';
import type { ExecPrefix } from './package-manager';

/** How the commands a summary prints are spelled in this workspace. */
export interface CommandStyle {
  /** The Nx target that applies fixes (default `enforce-fix`). */
  fixTarget?: string;
  /** How the workspace runs its own binaries (default `npx`); see `execPrefixOf`. */
  exec?: ExecPrefix;
  /** The Nx target that checks (default `enforce`). */
  enforceTarget?: string;
}

/**
 * The command that checks again what blocks: the blocking projects' enforce tasks, named, so it
 * runs whatever git says is affected (`nx affected` on a clean main checks nothing and passes);
 * every project when the summary cannot name them (a report that could not be read).
 */
export function recheckCommandOf(blockingProjects: readonly string[], style: CommandStyle = {}): string {
  const base = `${style.exec ?? 'npx'} nx run-many -t ${style.enforceTarget ?? ENFORCE_TARGET}`;
  const projects = [...new Set(blockingProjects)].sort();
  return projects.length === 0 ? base : `${base} -p ${shellWord(projects.join(','))}`;
}

/** Rule id to the kind of fix the rule can offer (its `fix`, else its suggestions); rules that offer none are absent. */
export function fixKindsOf(rules: readonly Rule[]): ReadonlyMap<string, FixKind> {
  const kinds = new Map<string, FixKind>();
  for (const rule of rules) {
    const kind = rule.meta.fixable ?? (rule.meta.hasSuggestions ? 'suggestion' : undefined);
    if (kind !== undefined) kinds.set(rule.id, kind);
  }
  return kinds;
}

/**
 * The command that applies a fix of this kind: the project's fix target under Nx, or the CLI on
 * the one file when the report names no project (nothing to `nx run` then). Suggestions and
 * dangerous fixes change behaviour, so they are applied only when asked for by name.
 */
export function fixCommandOf(kind: FixKind, target: { project?: string; file: string }, style: CommandStyle = {}): string {
  const exec = style.exec ?? 'npx';
  const fixTarget = style.fixTarget ?? fixTargetNameOf(ENFORCE_TARGET);
  if (target.project !== undefined) return `${exec} nx run ${shellWord(`${target.project}:${fixTarget}`)}${kind === 'safe' ? '' : ` --fixType=${kind}`}`;
  return `${exec} enforcer check ${shellWord(target.file)} --fix${kind === 'safe' ? '' : ` --fix-type ${kind}`}`;
}

/** A word a POSIX shell passes through unchanged: quoted only when it holds something the shell would interpret. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
