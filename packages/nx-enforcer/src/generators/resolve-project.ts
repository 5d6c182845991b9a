/** A project as a generator needs it: its name and root. */
export interface ProjectRef {
  name: string;
  root: string;
}

/** The project named `requested` was not found, or not only once: the message lists what it could mean. */
export class ProjectNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectNotFoundError';
  }
}

/**
 * The project a generator was asked for, accepting what `nx show project` accepts: the full name
 * (`@ws/lib-a`), or when unambiguous the name without its npm scope (`lib-a`) or the project's
 * folder (`packages/lib-a`). Unknown names fail with the close matches, ambiguous ones with every
 * project they could mean.
 */
export function resolveProject(requested: string, projects: readonly ProjectRef[]): ProjectRef {
  const exact = projects.find((project) => project.name === requested);
  if (exact !== undefined) return exact;
  const wanted = requested.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const matches = projects.filter((project) => unscoped(project.name) === wanted || project.root === wanted);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new ProjectNotFoundError(`"${requested}" matches ${matches.length} projects: ${names(matches)}. Pass the full project name.`);
  }
  const close = closeMatches(wanted, projects);
  const hint =
    close.length > 0
      ? ` Did you mean ${names(close)}?`
      : projects.length > 0
        ? ` The projects are: ${names(projects.slice(0, 20))}${projects.length > 20 ? ', …' : ''}.`
        : '';
  throw new ProjectNotFoundError(`Cannot find a project named "${requested}".${hint}`);
}

function unscoped(name: string): string {
  return name.replace(/^@[^/]+\//, '');
}

function names(projects: readonly ProjectRef[]): string {
  return projects
    .map((project) => project.name)
    .sort()
    .map((name) => `"${name}"`)
    .join(', ');
}

/** Projects whose name (with or without scope) is a small edit away from `wanted`, or contains it. */
function closeMatches(wanted: string, projects: readonly ProjectRef[]): ProjectRef[] {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const lower = wanted.toLowerCase();
  return projects.filter((project) =>
    [project.name, unscoped(project.name)].some((name) => {
      const candidate = name.toLowerCase();
      return (lower.length >= 3 && candidate.includes(lower)) || editDistance(candidate, lower) <= limit;
    }),
  );
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
