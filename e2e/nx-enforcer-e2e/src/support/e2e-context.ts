/**
 * What global setup hands to the specs. Environment variables carry it because jest's global
 * setup runs in the parent process and the specs in a test context: only process.env is shared.
 */
export interface E2eContext {
  /** Root of the shared e2e Nx workspace, with nx-enforcer installed and everything committed. */
  workspace: string;
  /** URL of the local registry, to pass as `npm_config_registry` when installing more packages. */
  registry: string;
  /** The prerelease version of nx-enforcer and @nx-enforcer/core published for this run. */
  version: string;
}

export const E2E_ENV = {
  workspace: 'E2E_WORKSPACE',
  registry: 'E2E_REGISTRY',
  version: 'E2E_VERSION',
} as const;

export function e2eContext(): E2eContext {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the specs through the e2e jest config (nx e2e nx-enforcer-e2e).`);
    return value;
  };
  return { workspace: read(E2E_ENV.workspace), registry: read(E2E_ENV.registry), version: read(E2E_ENV.version) };
}

/** Environment that makes npm (and so `nx add`) resolve packages from the local registry. */
export function registryEnv(registry: string): Record<string, string> {
  // The local registry has no audit endpoint and no funding information worth printing.
  return { npm_config_registry: registry, npm_config_audit: 'false', npm_config_fund: 'false' };
}
