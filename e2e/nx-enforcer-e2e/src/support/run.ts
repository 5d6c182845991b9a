import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  /** Added to (and overriding) the cleaned environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Return a failed result instead of throwing. */
  allowFailure?: boolean;
  timeoutMs?: number;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout then stderr, for assertions that do not care which stream a message went to. */
  output: string;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Environment for commands run in the e2e workspace: this process's environment minus what the
 * outer Nx task and npm script put there (NX_TASK_*, NX_TERMINAL_OUTPUT_PATH, npm_package_*, ...),
 * which would otherwise leak into the inner workspace's Nx and npm.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NX_|npm_lifecycle_|npm_package_)/.test(name)));
}

/** Runs a command without a shell and collects its output. Throws on a non-zero exit unless `allowFailure`. */
export function runCommand(command: string, args: string[], options: RunOptions): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...cleanEnv(), CI: 'true', ...options.env },
    encoding: 'utf8',
    shell: false,
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  // Failed to start, or killed on timeout.
  if (result.error) throw new Error(`\`${command} ${args.join(' ')}\`: ${result.error.message}\n${stdout}${stderr}`);
  const run: RunResult = { code: result.status ?? 1, stdout, stderr, output: `${stdout}${stderr}` };
  if (run.code !== 0 && !options.allowFailure) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${run.code} in ${options.cwd}\n${run.output}`);
  }
  return run;
}

/**
 * Runs `npx nx ...` in the e2e workspace: no daemon (a stale daemon would outlive the test and
 * cache project graphs between steps), no Nx Cloud, no colours or TUI so output can be asserted on.
 */
/** What every Nx command of the e2e runs with: no daemon, no cloud, no TUI, no colour codes to grep through. */
export const NX_COMMAND_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1' } as const;

export function runNx(args: string[], options: RunOptions): RunResult {
  return runCommand('npx', ['nx', ...args], { ...options, env: { ...NX_COMMAND_ENV, ...options.env } });
}

/** A long-running `npx nx ...` (a continuous target): its output so far, and a way to stop it as Ctrl-C would. */
export interface NxProcess {
  output(): string;
  /** Sends SIGINT to the whole process group and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts `npx nx ...` without waiting for it, in its own process group, with runNx's environment. */
export function startNx(args: string[], options: Omit<RunOptions, 'allowFailure'>): NxProcess {
  const child: ChildProcess = spawn('npx', ['nx', ...args], {
    cwd: options.cwd,
    env: { ...cleanEnv(), CI: 'true', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGINT');
        } catch {
          // Already gone: nothing to stop.
        }
      }
      // Nx stops its tasks on SIGINT; should it hang, the group is killed so the suite goes on.
      const killer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Exited in the meantime.
        }
      }, 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** `runCommand` without blocking the event loop, so that several workspaces can be driven at once. */
export function runCommandAsync(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...cleanEnv(), CI: 'true', ...options.env },
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`\`${command} ${args.join(' ')}\`: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const run: RunResult = { code: code ?? 1, stdout, stderr, output: `${stdout}${stderr}` };
      if (signal !== null) reject(new Error(`\`${command} ${args.join(' ')}\` was killed (${signal}) in ${options.cwd}\n${run.output}`));
      else if (run.code !== 0 && !options.allowFailure)
        reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${run.code} in ${options.cwd}\n${run.output}`));
      else resolve(run);
    });
  });
}
