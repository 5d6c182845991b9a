import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCommand } from './run';

interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
}

export interface StepResult {
  step: string;
  code: number;
  output: string;
}

export interface PipelineRun {
  /** The `run:` steps that ran, in order. */
  steps: StepResult[];
  /** The `uses:` actions, which the caller stands in for (checkout, setup-node, nx-set-shas, cache, upload). */
  actions: string[];
  /** False when a step failed: the job's result on GitHub. */
  passed: boolean;
}

/**
 * Runs the `run:` steps of a GitHub workflow's one job on this machine, in order, the way the runner
 * does: `bash -eo pipefail`, the workflow's `env`, a step without `if` only while all before it
 * passed, `always()` steps in any case. Actions are not run: the caller provides what they would
 * (a checkout with history, installed Node, NX_BASE/NX_HEAD, a cache folder that persists).
 */
export function runGithubWorkflow(workflowFile: string, options: { cwd: string; event: 'push' | 'pull_request'; env: Record<string, string> }): PipelineRun {
  const workflow = parse(readFileSync(workflowFile, 'utf8')) as { env?: Record<string, string>; jobs: Record<string, { steps: WorkflowStep[] }> };
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`${workflowFile}: expected one job, found ${jobs.length}`);
  const summary = join(options.cwd, '..', `step-summary-${options.event}.md`);
  writeFileSync(summary, '');
  const env = { ...workflow.env, ...options.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: options.event, GITHUB_STEP_SUMMARY: summary };
  const run: PipelineRun = { steps: [], actions: [], passed: true };
  for (const step of jobs[0].steps) {
    if (!shouldRun(step.if, run.passed, options.event)) continue;
    if (step.uses !== undefined) {
      run.actions.push(step.uses);
      continue;
    }
    if (step.run === undefined) throw new Error(`${workflowFile}: a step with neither run nor uses`);
    const result = runCommand('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: options.cwd, env, allowFailure: true });
    run.steps.push({ step: step.name ?? step.run, code: result.code, output: result.output });
    if (result.code !== 0) run.passed = false;
  }
  return run;
}

/** The conditions the generated workflows use; anything else is an error, not a guess. */
function shouldRun(condition: string | undefined, passedSoFar: boolean, event: string): boolean {
  if (condition === undefined) return passedSoFar;
  const normalized = condition.replace(/\s+/g, ' ').trim();
  if (normalized === 'always()') return true;
  const onEvent = /^(always\(\) && )?github\.event_name == '(\w+)'$/.exec(normalized);
  if (onEvent) return (onEvent[1] !== undefined || passedSoFar) && event === onEvent[2];
  throw new Error(`a step condition this runner does not evaluate: ${condition}`);
}
