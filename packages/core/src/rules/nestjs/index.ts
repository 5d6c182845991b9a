import type { FileRule } from '../../engine/types';
import bodyRequiresDto from './body-requires-dto';
import dtoValidated from './dto-validated';
import mutationRequiresGuard from './mutation-requires-guard';
import noDataAccessInController from './no-data-access-in-controller';
import transactionForMultipleWrites from './transaction-for-multiple-writes';

/** The `nestjs/*` rules, sorted by id. They stay silent in files that do not import `@nestjs/common`. */
export const nestjsRules: readonly FileRule[] = [bodyRequiresDto, dtoValidated, mutationRequiresGuard, noDataAccessInController, transactionForMultipleWrites];
