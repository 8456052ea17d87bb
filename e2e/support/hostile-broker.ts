/**
 * A hostile OSB broker for end-to-end tests: every text it sends (catalog fields, schema titles,
 * descriptions, choice labels, defaults, placeholders, operation descriptions, error bodies) is a
 * cross-site scripting payload from the corpus.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { XSS_PAYLOADS } from './xss-payloads.ts';

/** A running hostile broker. */
export interface HostileBroker {
  url: string;
  /** The `brokers` entry that points a platform at it. */
  configEntry: Record<string, unknown>;
  close(): Promise<void>;
}

/** Longest broker text the platform keeps; payloads go out in pieces below it. */
const CHUNK_LENGTH = 900;

/** The payloads joined into pieces of at most {@link CHUNK_LENGTH} characters, one per line. */
export function payloadChunks(): string[] {
  const chunks: string[] = [''];
  for (const payload of XSS_PAYLOADS) {
    if (chunks.at(-1)!.length + payload.length + 1 > CHUNK_LENGTH) chunks.push('');
    chunks[chunks.length - 1] += `${payload}\n`;
  }
  return chunks;
}

function svgImage(index: number): string {
  return `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="__xssHit(${index})"><script>__xssHit(${index})</script></svg>`;
}

/** A schema with one text field and one labelled choice per payload. */
function hostileSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  XSS_PAYLOADS.forEach((payload, index) => {
    properties[`text${index}`] = {
      type: 'string',
      title: payload,
      description: payload,
      default: payload,
      examples: [payload],
    };
    properties[`choice${index}`] = {
      type: 'string',
      title: payload,
      oneOf: [
        { enum: ['a'], description: payload },
        { enum: ['b'], title: payload },
      ],
      default: 'a',
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    title: XSS_PAYLOADS[0],
    description: XSS_PAYLOADS[1],
    properties,
  };
}

/** A host no configuration allows images from: the hostile broker's icon and markdown image that would track users. */
export const TRACKER_ORIGIN = 'http://tracker.example.test';

/** The catalog: one service per payload in every field, and one service with the payload schema and failing plans. */
export function hostileCatalog(): Record<string, unknown> {
  const services: Record<string, unknown>[] = XSS_PAYLOADS.map((payload, index) => ({
    id: `xss-service-${index}`,
    name: `xss-${index}`,
    description: payload,
    bindable: true,
    tags: [payload],
    metadata: {
      displayName: payload,
      longDescription: payload,
      providerDisplayName: payload,
      documentationUrl: `javascript:__xssHit(${index + 1})`,
      supportUrl: `https://support.example/${encodeURIComponent(payload)}`,
      imageUrl: svgImage(index + 1),
    },
    plans: [
      {
        id: `xss-plan-${index}`,
        name: 'plan',
        description: payload,
        free: false,
        metadata: { displayName: payload, bullets: [payload], costs: [{ amount: { eur: 1 }, unit: payload }] },
      },
    ],
  }));
  services.push({
    id: 'xss-all',
    name: 'xss-all',
    description: 'Every payload in one service',
    bindable: true,
    tags: ['xss'],
    metadata: {
      displayName: 'XSS everything',
      longDescription: [`![Tracked](${TRACKER_ORIGIN}/pixel.gif?user=alice)`, ...XSS_PAYLOADS].join('\n\n'),
      providerDisplayName: 'Hostile Inc.',
      imageUrl: `${TRACKER_ORIGIN}/icon.png?user=alice`,
    },
    plans: [
      {
        id: 'xss-all-form',
        name: 'form',
        description: 'The payload schema',
        metadata: { bullets: [...XSS_PAYLOADS] },
        schemas: { service_instance: { create: { parameters: hostileSchema() } } },
      },
      ...payloadChunks().map((_, chunk) => ({
        id: `xss-all-async-${chunk}`,
        name: `async-${chunk}`,
        description: 'Fails with payloads',
      })),
    ],
  });
  return { services };
}

/** Starts the hostile broker on 127.0.0.1 port 0. */
export async function startHostileBroker(id: string): Promise<HostileBroker> {
  const chunks = payloadChunks();
  const polls = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://broker');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    request.resume();
    request.on('end', () => {
      if (url.pathname === '/v2/catalog') return answer(200, hostileCatalog());
      const instance = /^\/v2\/service_instances\/([^/]+)(\/last_operation)?$/.exec(url.pathname);
      if (!instance) return answer(404, { description: chunks[0] });
      const [, instanceId, lastOperation] = instance;
      if (request.method === 'PUT')
        return answer(202, { operation: 'provision', dashboard_url: `javascript:__xssHit(1)` });
      if (request.method === 'DELETE') return answer(200, {});
      if (lastOperation) {
        const count = (polls.get(instanceId!) ?? 0) + 1;
        polls.set(instanceId!, count);
        const chunk = chunks[Number(/async-(\d+)/.exec(url.searchParams.get('plan_id') ?? '')?.[1] ?? 0)] ?? chunks[0];
        return answer(
          200,
          count < 2 ? { state: 'in progress', description: chunk } : { state: 'failed', description: chunk },
        );
      }
      return answer(404, { error: chunks[0], description: chunks[1] });
    });
  });
  return listenAsBroker(server, id, 'Hostile broker');
}

/** A broker whose catalog request fails with an error body made of payloads. */
export async function startFailingHostileBroker(id: string, chunk: string): Promise<HostileBroker> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: chunk, description: chunk }));
    });
  });
  return listenAsBroker(server, id, `Failing hostile broker ${id}`);
}

/** Starts the server on a free local port and describes it as a global broker of the platform's configuration. */
async function listenAsBroker(server: Server, id: string, displayName: string): Promise<HostileBroker> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    configEntry: { id, displayName, url, username: 'hostile', password: 'hostile-password', locality: 'global' },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
