import type { Rule } from '../../engine/types';
import forbiddenPaths from './forbidden-paths';
import requiredFiles from './required-files';

/** The `project/*` rules: they run once per project, over its file list. */
export const projectRules: readonly Rule[] = [forbiddenPaths, requiredFiles].map((rule) => rule as unknown as Rule);
