/** The Nx majors the e2e matrix installs and runs the plugin on; package.json's peer ranges say the same (spec). */
export const SUPPORTED_NX_MAJORS = { first: 21, last: 24 } as const;

/** `>=21.0.0 <25.0.0`: the peer range of `nx` and `@nx/devkit` in package.json. */
export const SUPPORTED_NX_RANGE = `>=${SUPPORTED_NX_MAJORS.first}.0.0 <${SUPPORTED_NX_MAJORS.last + 1}.0.0`;

/**
 * Why this nx / @nx/devkit pair cannot run the plugin, in one line that names both versions and
 * the way out; undefined when it can. Each @nx/devkit major works with nx one major either side
 * (its own peer range), and only the tested majors are accepted.
 */
export function nxVersionProblem(versions: { nx: string; devkit: string }): string | undefined {
  const supported = `nx-enforcer supports Nx ${SUPPORTED_NX_MAJORS.first} to ${SUPPORTED_NX_MAJORS.last}`;
  const nxMajor = majorOf(versions.nx);
  if (nxMajor === undefined || nxMajor < SUPPORTED_NX_MAJORS.first || nxMajor > SUPPORTED_NX_MAJORS.last) {
    return `${supported} (peer range "${SUPPORTED_NX_RANGE}"); this workspace has nx ${versions.nx}.`;
  }
  const devkitMajor = majorOf(versions.devkit);
  if (devkitMajor === undefined || Math.abs(devkitMajor - nxMajor) > 1) {
    return (
      `nx-enforcer loads @nx/devkit ${versions.devkit}, which does not work with this workspace's nx ${versions.nx}: install ` +
      `@nx/devkit@${versions.nx} at the workspace root.`
    );
  }
  return undefined;
}

/** An error Nx prints as the one line it is, without a stack from inside the project graph. */
export class UnsupportedNxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedNxError';
    this.stack = message;
  }
}

const checked = new Map<string, string | undefined>();

/**
 * Throws `UnsupportedNxError` when the workspace's nx (or the @nx/devkit the plugin loads) is
 * outside the supported range. Checked once per workspace and process: every createNodes call
 * passes here.
 */
export function assertSupportedNx(workspaceRoot: string): void {
  if (!checked.has(workspaceRoot)) checked.set(workspaceRoot, problemIn(workspaceRoot));
  const problem = checked.get(workspaceRoot);
  if (problem !== undefined) throw new UnsupportedNxError(problem);
}

function problemIn(workspaceRoot: string): string | undefined {
  const nx = installedVersion('nx', [workspaceRoot]);
  // The devkit this module itself resolves is the one whose functions the plugin calls.
  const devkit = installedVersion('@nx/devkit', [__dirname]);
  if (nx === undefined || devkit === undefined) return undefined;
  return nxVersionProblem({ nx, devkit });
}

/** The version of `name` as resolved from `paths`; undefined when it is not installed there. */
export function installedVersion(name: string, paths: string[]): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(require.resolve(`${name}/package.json`, { paths })) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function majorOf(version: string): number | undefined {
  const match = /^(\d+)\./.exec(version);
  return match === null ? undefined : Number(match[1]);
}
