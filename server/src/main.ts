/**
 * Starts the platform with the configuration from MARKETPLACE_CONFIG (or the demo file) and
 * stops it cleanly on SIGINT and SIGTERM.
 */
import { startPlatform, startupBanner } from './start-platform.ts';
import { CredentialKeyError } from './bindings/credential-key-guard.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';

try {
  const config = loadConfig();
  const platform = await startPlatform(config, { logger: { level: process.env.LOG_LEVEL || 'info' } });
  process.stdout.write(startupBanner(platform.url, platform.config));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.app.log.info(`${signal} received, shutting down`);
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const { code, address, port } = error as { code?: string; address?: string; port?: number };
  if (error instanceof ConfigError || error instanceof CredentialKeyError) console.error(error.message);
  else if (code === 'EADDRINUSE') {
    console.error(
      `The platform could not start: ${address}:${port} is already in use. Stop what listens there, or choose other ports in the configuration (PORT sets the platform's).`,
    );
  } else console.error('The platform could not start:', error);
  process.exit(1);
}
