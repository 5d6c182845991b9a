import { maskSecrets } from '../engine/secret-mask';

/** Codes of the config problems users can fix; the CLI exits 2 and the executor fails on them. */
export type ConfigErrorCode =
  'config-syntax' | 'config-invalid' | 'config-unknown-rule' | 'config-invalid-options' | 'config-invalid-rule' | 'config-unreadable';

/** A problem in a config file, with where it is and how to fix it. */
export class ConfigError extends Error {
  readonly code: ConfigErrorCode;
  readonly file: string;
  /** JSON path of the offending value, e.g. `rules["logging/no-console"][1].allow`. */
  readonly path?: string;

  constructor(options: { code: ConfigErrorCode; file: string; path?: string; problem: string; location?: string }) {
    const where = options.location ? `${options.file}:${options.location}` : options.file;
    // A problem may quote the file's text (a parser's excerpt, a value): printed and logged, it must not hold a secret.
    super(maskSecrets(`${where}: ${options.path ? `${options.path}: ` : ''}${options.problem}`));
    this.name = 'ConfigError';
    this.code = options.code;
    this.file = options.file;
    this.path = options.path;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
