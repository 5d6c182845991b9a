import type { Rule } from '../engine/types';
import noEmptyCatch from './errors/no-empty-catch';
import noConsole from './logging/no-console';

/** Every built-in rule, sorted by id. Rule ids are part of the public interface. */
export const builtinRules: readonly Rule[] = [noEmptyCatch, noConsole]
  .map((rule) => rule as unknown as Rule)
  .sort((a, b) => a.id.localeCompare(b.id));
