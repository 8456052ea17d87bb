/**
 * Runs the demo OSB broker on its own, so any platform can be pointed at it:
 *
 *   tsx server/src/demo-broker/main.ts [--host 127.0.0.1] [--port 8090]
 *     [--username demo-broker] [--password demo-broker-password]
 *     [--locations eu-de-central,eu-nl-west] [--state-file ./data/demo-broker.json]
 *     [--async-seconds 5]
 *
 * Every option can also come from the environment: DEMO_BROKER_HOST, DEMO_BROKER_PORT,
 * DEMO_BROKER_USERNAME, DEMO_BROKER_PASSWORD, DEMO_BROKER_LOCATIONS, DEMO_BROKER_STATE_FILE,
 * DEMO_BROKER_ASYNC_SECONDS. Command-line arguments win.
 */
import { parseArgs } from 'node:util';
import { startDemoBroker } from './demo-broker.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
    locations: { type: 'string' },
    'state-file': { type: 'string' },
    'async-seconds': { type: 'string' },
  },
});
const env = process.env;

const port = Number(values.port ?? env['DEMO_BROKER_PORT'] ?? 8090);
const asyncOperationSeconds = Number(values['async-seconds'] ?? env['DEMO_BROKER_ASYNC_SECONDS'] ?? 5);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`Invalid port: ${values.port ?? env['DEMO_BROKER_PORT']}`);
if (!Number.isFinite(asyncOperationSeconds) || asyncOperationSeconds < 0)
  throw new Error('Invalid async operation duration.');
const stateFile = values['state-file'] ?? env['DEMO_BROKER_STATE_FILE'];

const broker = await startDemoBroker({
  host: values.host ?? env['DEMO_BROKER_HOST'] ?? '127.0.0.1',
  port,
  username: values.username ?? env['DEMO_BROKER_USERNAME'] ?? 'demo-broker',
  password: values.password ?? env['DEMO_BROKER_PASSWORD'] ?? 'demo-broker-password',
  locationIds: (values.locations ?? env['DEMO_BROKER_LOCATIONS'] ?? 'eu-de-central,eu-nl-west')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== ''),
  ...(stateFile ? { stateFile } : {}),
  asyncOperationSeconds,
});

console.log(`Demo OSB broker listening on ${broker.url} (global services at ${broker.url}/global)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void broker.close().then(() => process.exit(0));
  });
}
