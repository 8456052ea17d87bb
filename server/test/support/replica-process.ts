/**
 * Platform replicas as separate processes (`server/src/main.ts`, exactly as operators run it),
 * for resilience tests and benchmarks: started from a configuration file, stopped with a signal
 * of the caller's choice (SIGKILL to simulate a crash).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A running replica. */
export interface ReplicaProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Resolves when the process ended (with its exit code or signal). */
  exited: Promise<number | string>;
  /** Sends `signal` and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** The process's peak resident memory in bytes, as far as sampled (Linux). */
  peakMemory(): number;
}

/**
 * Writes `config` (a configuration file document) to `<directory>/<name>.json` and starts a
 * replica on it; resolves once it listens. Its output is kept for the error message if it fails to start.
 */
export async function startReplica(name: string, directory: string, config: object, env: Record<string, string> = {}): Promise<ReplicaProcess> {
  const configFile = join(directory, `${name}.json`);
  await writeFile(configFile, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, MARKETPLACE_CONFIG: configFile, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));

  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentMemory(child.pid));
  }, 250);
  sampler.unref();
  void exited.then(() => clearInterval(sampler));

  const url = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`Replica ${name} did not start within 60 s:\n${output}`)), 60_000);
    const watch = () => {
      const match = /running: open (\S+?)\/?\s/.exec(output);
      if (match) {
        clearTimeout(timeout);
        child.stdout!.off('data', watch);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', watch);
    void exited.then((result) => {
      clearTimeout(timeout);
      reject(new Error(`Replica ${name} ended (${result}) before it listened:\n${output}`));
    });
  });

  return {
    name,
    url,
    child,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    peakMemory: () => Math.max(peak, residentMemory(child.pid)),
  };
}

/** The peak resident set size (VmHWM) of a live process in bytes; 0 when unknown. */
function residentMemory(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // Synchronous on purpose: a tiny procfs read, a few times a second.
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
