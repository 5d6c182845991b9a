import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nxVersionProblem, SUPPORTED_NX_RANGE, UnsupportedNxError } from './nx-version';

describe('supported Nx versions', () => {
  it('should declare exactly the supported range as the peer range of nx and @nx/devkit', () => {
    const { peerDependencies, dependencies } = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(SUPPORTED_NX_RANGE).toBe('>=21.0.0 <25.0.0');
    expect(peerDependencies).toEqual({ nx: SUPPORTED_NX_RANGE, '@nx/devkit': SUPPORTED_NX_RANGE });
    // A devkit pinned as a dependency would be the wrong one for every other Nx.
    expect(dependencies).not.toHaveProperty('@nx/devkit');
    expect(dependencies).not.toHaveProperty('nx');
  });

  it.each([
    ['21.6.11', '21.6.11'],
    ['22.7.12', '22.7.12'],
    ['23.0.2', '23.0.2'],
    ['24.0.6', '24.0.0'],
    ['23.3.2', '24.0.0'],
    ['24.1.0-beta.1', '23.3.2'],
  ])('should accept nx %s with @nx/devkit %s', (nx, devkit) => {
    expect(nxVersionProblem({ nx, devkit })).toBeUndefined();
  });

  it.each([
    ['20.8.2', '20.8.2'],
    ['25.0.0', '25.0.0'],
    ['nightly', '24.0.0'],
  ])('should refuse nx %s in one line naming it and the supported majors', (nx, devkit) => {
    const problem = nxVersionProblem({ nx, devkit });
    expect(problem).toBe(`nx-enforcer supports Nx 21 to 24 (peer range ">=21.0.0 <25.0.0"); this workspace has nx ${nx}.`);
  });

  it('should refuse a devkit more than one major away from nx, naming the devkit to install', () => {
    expect(nxVersionProblem({ nx: '21.6.11', devkit: '24.0.0' })).toBe(
      "nx-enforcer loads @nx/devkit 24.0.0, which does not work with this workspace's nx 21.6.11: install @nx/devkit@21.6.11 at the workspace root.",
    );
  });

  it('should carry no stack, so that Nx prints the one line', () => {
    const error = new UnsupportedNxError('nx-enforcer supports Nx 21 to 24');
    expect(error.stack).toBe('nx-enforcer supports Nx 21 to 24');
    expect(error).toBeInstanceOf(Error);
  });
});
