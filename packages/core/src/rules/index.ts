import type { Rule } from '../engine/types';
import projectBoundaries from './architecture/project-boundaries';
import noHardcodedDate from './dates/no-hardcoded-date';
import noEmptyCatch from './errors/no-empty-catch';
import noSwallowedError from './errors/no-swallowed-error';
import unhandledRiskyCall from './errors/unhandled-risky-call';
import noConsole from './logging/no-console';
import { nestjsRules } from './nestjs';
import { projectRules } from './project';
import { pythonRules } from './python';
import noSecrets from './security/no-secrets';
import tenantIsolation from './security/tenant-isolation';
import noExplicitAny from './typescript/no-explicit-any';
import noNonNullAssertion from './typescript/no-non-null-assertion';
import noTsIgnore from './typescript/no-ts-ignore';

/** Every built-in rule, sorted by id. Rule ids are part of the public interface. */
export const builtinRules: readonly Rule[] = [
  projectBoundaries,
  noHardcodedDate,
  noEmptyCatch,
  noSwallowedError,
  unhandledRiskyCall,
  noConsole,
  noSecrets,
  tenantIsolation,
  noExplicitAny,
  noNonNullAssertion,
  noTsIgnore,
  ...nestjsRules,
  ...projectRules,
  ...pythonRules,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
