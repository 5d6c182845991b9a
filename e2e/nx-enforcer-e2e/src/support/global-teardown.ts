import { rmSync } from 'node:fs';

import type { LocalRegistry } from '../../../../tools/local-registry/start-local-registry.cjs';

/** What global setup leaves for teardown. Both run in jest's parent process, so globalThis is shared. */
export interface E2eResources {
  /** Temp folder holding the registry storage, the publish work folder and the e2e workspace. */
  tmpRoot: string;
  registry?: LocalRegistry;
}

const RESOURCES_KEY = '__NX_ENFORCER_E2E_RESOURCES__';

export function rememberResources(resources: E2eResources): void {
  (globalThis as Record<string, unknown>)[RESOURCES_KEY] = resources;
}

/** Stops the registry and deletes the temp folder; with E2E_KEEP=1 the folder is kept to inspect. */
export async function releaseResources(): Promise<void> {
  const resources = (globalThis as Record<string, unknown>)[RESOURCES_KEY] as E2eResources | undefined;
  if (!resources) return;
  delete (globalThis as Record<string, unknown>)[RESOURCES_KEY];

  await resources.registry?.stop();
  if (process.env.E2E_KEEP === '1') {
    console.log(`E2E_KEEP=1: kept ${resources.tmpRoot}`);
  } else {
    rmSync(resources.tmpRoot, { recursive: true, force: true });
  }
}

export default releaseResources;
