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
import { INSTANCE_PAGE_MAX } from '@osb/api';
import { loadCredentialKey } from '../../src/bindings/credential-cipher.ts';

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
export async function startReplica(
  name: string,
  directory: string,
  config: object,
  env: Record<string, string> = {},
): Promise<ReplicaProcess> {
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
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );

  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentMemory(child.pid));
  }, 250);
  sampler.unref();
  void exited.then(() => clearInterval(sampler));

  const url = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(
      () => reject(new Error(`Replica ${name} did not start within 60 s:\n${output}`)),
      60_000,
    );
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

/** The project the replicas' instances are ordered in. */
export const REPLICA_PROJECT = 'likvid-payments';

/** What a replica's configuration is made of. */
export interface ReplicaConfigOptions {
  issuer: string;
  brokerUrl: string;
  /** The broker's basic-auth user name for this replica: the broker tells replicas apart by it. */
  caller: string;
  dataDir: string;
  /** PostgreSQL; without it the embedded database in `dataDir`. */
  database?: { url: string; schema: string };
  /** `operations` settings (default: short leases and intervals, so that a takeover takes seconds). */
  operations?: Record<string, number>;
  /** The credentials key file the replicas of one database share (default: one in `dataDir`). */
  credentialsKeyFile?: string;
}

/** Creates in `directory` the credentials key that replicas on one database share; returns its path. */
export async function sharedCredentialsKey(directory: string): Promise<string> {
  const keyFile = join(directory, 'credentials.key');
  await loadCredentialKey(keyFile, true);
  return keyFile;
}

/** A replica's configuration file: one broker, one project with alice as its member. */
export function replicaConfig(options: ReplicaConfigOptions) {
  return {
    server: { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1:9' },
    database: { dataDir: options.dataDir, ...(options.database ?? {}), poolSize: 5 },
    ...(options.credentialsKeyFile ? { credentials: { keyFile: options.credentialsKeyFile } } : {}),
    auth: {
      issuer: options.issuer,
      clientId: 'osb-marketplace-ui',
      audience: 'osb-marketplace-api',
      usernameClaim: 'sub',
    },
    operations: options.operations ?? {
      leaseSeconds: 3,
      sweepIntervalSeconds: 0.3,
      pollIntervalSeconds: 0.2,
      maxPollIntervalSeconds: 0.4,
    },
    locations: [],
    brokers: [
      {
        id: 'recorded',
        displayName: 'Recorded',
        url: options.brokerUrl,
        username: options.caller,
        password: 'secret',
        locality: 'global',
      },
    ],
    workspaces: [{ id: 'likvid-bank', displayName: 'Likvid Bank' }],
    projects: [{ id: REPLICA_PROJECT, displayName: 'Payments', workspaceId: 'likvid-bank', members: ['alice'] }],
    users: [{ id: 'alice', displayName: 'Alice Adams' }],
  };
}

/** Calls a replica's API with `token`. */
export async function callReplica<T>(
  replica: ReplicaProcess,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${replica.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * Orders `count` instances of `service`, spread round-robin over `replicas`, `concurrency` at a
 * time. Returns the ids of those the platform accepted and the answers it refused.
 */
export async function orderInstances(
  replicas: ReplicaProcess[],
  token: string,
  service: { serviceId: string; planId: string },
  count: number,
  concurrency: number,
): Promise<{ ids: string[]; refused: string[] }> {
  const ids: string[] = [];
  const refused: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const { status, body } = await callReplica<{ id: string; lastOperation?: { state: string } }>(
        replicas[index % replicas.length]!,
        token,
        'POST',
        `/projects/${REPLICA_PROJECT}/service-instances`,
        { name: `db-${index}`, ...service, parameters: {} },
      );
      if (status === 202 && body.lastOperation?.state === 'in progress') ids.push(body.id);
      else refused.push(`order ${index}: ${status} ${JSON.stringify(body)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ids, refused };
}

/** Waits until `count` instances of the project exist and none runs (or `timeoutMs` passed); returns their states by id. */
export async function waitForInstances(
  replica: ReplicaProcess,
  token: string,
  count: number,
  timeoutMs: number,
): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await callReplica<{ id: string; lastOperation: { state: string } }[]>(
      replica,
      token,
      'GET',
      // One page of the largest size: the list is paged (100 by default).
      `/projects/${REPLICA_PROJECT}/service-instances?limit=${INSTANCE_PAGE_MAX}`,
    );
    const states = new Map(body.map((instance) => [instance.id, instance.lastOperation.state]));
    const running = [...states.values()].filter((state) => state === 'in progress').length;
    if ((states.size >= count && running === 0) || Date.now() > deadline) return states;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
