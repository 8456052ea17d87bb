/**
 * Runs the whole platform for end-to-end tests as its own process: the platform server with the
 * development OpenID provider, the demo broker and the embedded database, configured like the
 * demo but on free ports, with a fresh data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

/** The repository root. */
export const repositoryRoot = resolve(import.meta.dirname, '../..');

/** What tests need to know about the running platform; also written to {@link platformInfoFile}. */
export interface PlatformInfo {
  /** Where the UI and the API are served, for example `http://localhost:41234`. */
  baseURL: string;
  /** The demo broker's root; its catalogs are under /global and /locations/<id>. */
  brokerURL: string;
  /** The platform's data directory (the development OpenID provider's keys are in it). */
  dataDir: string;
}

/** A started platform. */
export interface RunningPlatform extends PlatformInfo {
  process: ChildProcess;
  /** Holds the configuration file and the data directory; removed when the platform stops. */
  tempDir: string;
}

/** The file the harness describes the running platform in, for tools outside the test process. */
export const platformInfoFile = join(repositoryRoot, 'test-results', 'e2e-platform.json');
/** The platform's own output during a test run. */
export const platformLogFile = join(repositoryRoot, 'test-results', 'e2e-platform.log');

const demoConfigFile = join(repositoryRoot, 'server', 'config', 'demo.yaml');
/** How long the platform may take to start: in CI it starts beside the other suites. */
const healthTimeoutMs = 180_000;

/**
 * Writes a configuration like the demo one with the given ports: the public URL and the issuer
 * on localhost at the platform port, the demo broker and every broker URL pointing at it at the
 * broker port, the embedded database in `<dir>/data`. Returns the file's path.
 */
function writePlatformConfig(
  dir: string,
  platformPort: number,
  brokerPort: number,
  allowedOrigins: string[],
  extraBrokers: object[],
): string {
  const config = parse(readFileSync(demoConfigFile, 'utf8'));
  config.brokers.push(...extraBrokers);
  const demoBrokerOrigin = `http://${config.demoBroker.host}:${config.demoBroker.port}`;
  config.server.port = platformPort;
  config.server.publicUrl = `http://localhost:${platformPort}`;
  config.auth.issuer = `http://localhost:${platformPort}/oidc`;
  config.database = { dataDir: join(dir, 'data') };
  config.demoBroker.port = brokerPort;
  config.embedding = { ...config.embedding, allowedOrigins };
  for (const broker of config.brokers) {
    broker.url = broker.url.replace(demoBrokerOrigin, `http://127.0.0.1:${brokerPort}`);
  }
  const file = join(dir, 'config.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

/**
 * Starts the platform and resolves once /api/health answers; stops it again if it never does.
 * `allowedOrigins` may embed it, `extraBrokers` are added to the demo's brokers, `logFile` receives its output.
 */
export async function startPlatform(
  options: { allowedOrigins?: string[]; extraBrokers?: object[]; logFile?: string } = {},
): Promise<RunningPlatform> {
  const tempDir = await mkdtemp(join(tmpdir(), 'osb-marketplace-e2e-'));
  const [platformPort, brokerPort] = [await freePort(), await freePort()];
  const configFile = writePlatformConfig(
    tempDir,
    platformPort,
    brokerPort,
    options.allowedOrigins ?? [],
    options.extraBrokers ?? [],
  );
  const logFile = options.logFile ?? platformLogFile;
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  await once(log, 'open');
  // `node --import tsx` rather than the tsx CLI, so the process id is the server's own; its own
  // process group lets the harness stop it together with anything it starts.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repositoryRoot,
    env: platformEnvironment(configFile),
    detached: true,
    stdio: ['ignore', log, log],
  });
  const platform: RunningPlatform = {
    process: child,
    tempDir,
    baseURL: `http://localhost:${platformPort}`,
    brokerURL: `http://127.0.0.1:${brokerPort}`,
    dataDir: join(tempDir, 'data'),
  };
  try {
    await waitForHealth(platform);
  } catch (error) {
    await stopPlatform(platform);
    throw error;
  }
  return platform;
}

/**
 * The test process's environment with the configuration file as the only source of settings:
 * the overrides a developer's shell may hold (a PostgreSQL URL, a port) are left out.
 */
function platformEnvironment(configFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MARKETPLACE_CONFIG: configFile };
  for (const override of ['DATABASE_URL', 'MARKETPLACE_DATA_DIR', 'PORT']) delete env[override];
  return env;
}

/** Stops the platform's process group (SIGTERM, then SIGKILL) and removes its temporary files. */
export async function stopPlatform(platform: RunningPlatform): Promise<void> {
  const { process: child } = platform;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    signalGroup(child, 'SIGTERM');
    const gracePeriod = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(gracePeriod);
  }
  // Children the server started may outlive it; the group signal reaches them too.
  signalGroup(child, 'SIGKILL');
  await rm(platform.tempDir, { recursive: true, force: true });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

async function waitForHealth({ process: child, baseURL }: RunningPlatform): Promise<void> {
  const deadline = Date.now() + healthTimeoutMs;
  while (child.exitCode === null && child.signalCode === null) {
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The platform did not answer ${baseURL}/api/health within ${healthTimeoutMs / 1000} s; ` +
          `see ${platformLogFile}\n${tail(platformLogFile)}`,
      );
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(
    `The platform exited (${child.signalCode ?? `code ${child.exitCode}`}) before /api/health answered; ` +
      `see ${platformLogFile}\n${tail(platformLogFile)}`,
  );
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
