/**
 * Synthetic OSB brokers for benchmarks: one HTTP server answering the catalogs of many brokers
 * (`/b<n>/v2/catalog`) with services shaped like real ones (markdown long descriptions, icons,
 * tags, three plans with costs, one of them with a parameter schema from fixtures/schemas), and provisioning
 * every instance synchronously.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The broker credentials the synthetic brokers accept (any, in fact). */
export const SYNTHETIC_BROKER_CREDENTIALS = { username: 'bench-broker', password: 'bench-broker-password' };

const schemaDirectory = join(import.meta.dirname, '..', '..', 'fixtures', 'schemas');
const schemas = readdirSync(schemaDirectory)
  .filter((file) => file.endsWith('-instance-create.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(schemaDirectory, file), 'utf8')) as Record<string, unknown>);

const WORDS = [
  'database',
  'cache',
  'queue',
  'storage',
  'dns',
  'cdn',
  'backup',
  'search',
  'monitoring',
  'network',
  'identity',
  'secrets',
];

/** A small SVG icon per broker, as a data URL, like the demo broker's. */
function icon(brokerIndex: number): string {
  const hue = (brokerIndex * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="8" fill="hsl(${hue},60%,45%)"/><text x="24" y="31" font-size="18" text-anchor="middle" fill="#fff">${brokerIndex}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The OSB catalog of broker `brokerIndex` with `serviceCount` services. */
export function syntheticCatalog(brokerIndex: number, serviceCount: number): { services: Record<string, unknown>[] } {
  const services = Array.from({ length: serviceCount }, (_, serviceIndex) => {
    const n = brokerIndex * serviceCount + serviceIndex;
    const word = WORDS[n % WORDS.length]!;
    const other = WORDS[(n * 7 + 3) % WORDS.length]!;
    const id = `svc-${brokerIndex}-${serviceIndex}`;
    const longDescription = [
      `# ${word} service ${n}`,
      `A managed **${word}** offering with ${other} integration, operated around the clock by team ${brokerIndex}.`,
      '## Features',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `- Feature ${i + 1}: automatic ${word} ${i % 2 ? 'scaling' : 'failover'} across zones, with ${other} hooks`,
      ),
      '## Getting started',
      `Order an instance, bind it to your application and read the credentials. See the [documentation](https://docs.example.com/${id}).`,
    ].join('\n\n');
    return {
      id,
      name: `${word}-${n}`,
      description: `A ${word} service number ${n} with ${other} support`,
      bindable: true,
      plan_updateable: n % 3 === 0,
      tags: [word, other, `team-${brokerIndex % 10}`],
      metadata: {
        displayName: `${word[0]!.toUpperCase()}${word.slice(1)} ${n}`,
        providerDisplayName: `Provider ${brokerIndex}`,
        imageUrl: icon(brokerIndex),
        longDescription,
        documentationUrl: `https://docs.example.com/${id}`,
        supportUrl: `https://support.example.com/${id}`,
        shareable: n % 4 === 0,
      },
      plans: ['small', 'medium', 'large'].map((size, planIndex) => ({
        id: `${id}-${size}`,
        name: size,
        description: `The ${size} ${word} plan`,
        free: planIndex === 0,
        metadata: {
          displayName: size[0]!.toUpperCase() + size.slice(1),
          bullets: [`${2 ** (planIndex + 1)} GB memory`, `${planIndex + 1} vCPU`, 'Daily backups'],
          ...(planIndex > 0 ? { costs: [{ amount: { eur: 10 * planIndex + 0.5 }, unit: 'MONTHLY' }] } : {}),
        },
        // One plan in three has a parameter form, as in the measured catalog (about 3.8 kB a service).
        ...(planIndex === 1
          ? { schemas: { service_instance: { create: { parameters: schemas[n % schemas.length] } } } }
          : {}),
      })),
    };
  });
  return { services };
}

/** A running set of synthetic brokers. */
export interface SyntheticBrokers {
  /** The URL of broker `index` (its catalog is at `<url>/v2/catalog`). */
  urlOf(index: number): string;
  close(): Promise<void>;
}

/**
 * Starts `brokerCount` brokers of `servicesPerBroker` services each on 127.0.0.1 port 0. Every
 * provision, update, deprovision and binding succeeds at once.
 */
export async function startSyntheticBrokers(brokerCount: number, servicesPerBroker: number): Promise<SyntheticBrokers> {
  const catalogs = Array.from({ length: brokerCount }, (_, index) =>
    JSON.stringify(syntheticCatalog(index, servicesPerBroker)),
  );
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const match = /^\/b(\d+)(\/v2\/.*)$/.exec(request.url ?? '');
      const send = (status: number, body: string) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(body);
      };
      if (!match) return send(404, '{}');
      const path = match[2]!.split('?', 1)[0]!;
      if (path === '/v2/catalog') return send(200, catalogs[Number(match[1])] ?? '{"services":[]}');
      if (request.method === 'PUT') return send(201, '{}');
      return send(200, '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlOf: (index) => `${origin}/b${index}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
