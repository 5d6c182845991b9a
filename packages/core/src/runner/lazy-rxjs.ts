import type * as Rxjs from 'rxjs';

/**
 * rxjs on first use. Only watch runs need it, and loading it (223 modules, about 0.1 s) would
 * otherwise be paid by every enforce task process and CLI run.
 */
export function rxjs(): typeof Rxjs {
  return require('rxjs') as typeof Rxjs;
}
