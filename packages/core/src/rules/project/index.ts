import type { ProjectRule } from '../../engine/types';
import forbiddenPaths from './forbidden-paths';
import requiredFiles from './required-files';

/** The `project/*` rules: they run once per project, over its file list. */
export const projectRules: readonly ProjectRule[] = [forbiddenPaths, requiredFiles];
