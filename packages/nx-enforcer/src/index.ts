import { createNodes } from './plugin/create-nodes';

export { createNodes, type EnforcerPluginOptions } from './plugin/create-nodes';
export { postTasksExecution } from './plugin/post-tasks-execution';
/** Nx 23+ reads `createNodes` first; Nx 21 and 22 read `createNodesV2` first: the same function under both names. */
export const createNodesV2 = createNodes;
export const name = 'nx-enforcer';

export { outputDirectoryOf } from './output-directory';
