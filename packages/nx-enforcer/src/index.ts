import { createNodes } from './plugin/create-nodes';

export { createNodes, type EnforcerPluginOptions } from './plugin/create-nodes';
export { postTasksExecution } from './plugin/post-tasks-execution';
/** Nx 23 reads `createNodes`; `createNodesV2` is the same function under its former name. */
export const createNodesV2 = createNodes;
export const name = 'nx-enforcer';

export { outputDirectoryOf } from './output-directory';
