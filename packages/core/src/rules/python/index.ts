import type { FileRule } from '../../engine/types';
import noBareExcept from './no-bare-except';
import noImportStar from './no-import-star';
import noMutableDefaultArgument from './no-mutable-default-argument';
import noPrint from './no-print';
import openOutsideWith from './open-outside-with';

/** The `python/*` rules, sorted by id. */
export const pythonRules: readonly FileRule[] = [noBareExcept, noImportStar, noMutableDefaultArgument, noPrint, openOutsideWith];
