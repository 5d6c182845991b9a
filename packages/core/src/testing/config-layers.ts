import type { ConfigLayer } from '../config/types';

/**
 * The root config layer specs run with: `logging/no-console` on as a warning (it is off by default),
 * since a `console.log` is the specs' everyday finding. Rules given in `config` win.
 */
export function rootLayer(config: ConfigLayer['config'] = {}): ConfigLayer {
  return { base: '', source: 'enforcer.config.json', config: { ...config, rules: { 'logging/no-console': 'warn', ...config.rules } } };
}
