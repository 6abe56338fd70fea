// Runs the real `concord` command in a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/concord.mjs', import.meta.url));

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // The parent's NODE_OPTIONS (tsx loader from the test runner) is not needed: bin/ registers tsx itself.
  const { NODE_OPTIONS: _ignored, NODE_TEST_CONTEXT: _ctx, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'info', ...env };
}

/** Runs `concord ...args` to completion. */
export function runConcord(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`concord ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  startedInMs: number;
  /** Sends a signal and waits for the process to exit; returns the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `concord serve` on a free port and waits until it prints its URL. The timeout only guards against
 * a server that never starts: a brand-new PostgreSQL database with the demo takes ~6 s on a quiet machine and
 * took over 20 s on this 2-core machine while other suites ran, which is slow, not broken.
 */
export function startConcord(
  env: Record<string, string>,
  extraArgs: string[] = [],
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...extraArgs], {
      cwd: ROOT,
      env: childEnv(env),
    });
    let output = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`concord serve printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /Concord is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1]!,
          output: () => output,
          startedInMs: Date.now() - started,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`concord serve exited with ${code} before serving:\n${output}`));
    });
  });
}
