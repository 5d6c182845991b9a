import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { e2eContext } from './support/e2e-context';
import { runNx } from './support/run';

// Placeholder: proves the e2e infrastructure works. Real nx-enforcer assertions replace it.
describe('nx-enforcer e2e workspace', () => {
  const { workspace, version } = e2eContext();

  it('is an Nx workspace with the published nx-enforcer installed', () => {
    expect(existsSync(join(workspace, 'nx.json'))).toBe(true);
    expect(existsSync(join(workspace, 'node_modules', 'nx-enforcer', 'package.json'))).toBe(true);
    expect(require(join(workspace, 'node_modules', 'nx-enforcer', 'package.json')).version).toBe(version);
  });

  it('runs nx show projects', () => {
    const result = runNx(['show', 'projects'], { cwd: workspace });
    expect(result.code).toBe(0);
  });
});
