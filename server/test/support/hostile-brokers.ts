/**
 * Brokers that attack the platform over real HTTP, for the hostile-broker tests and the start-up
 * benchmark: one good broker (`good`) among brokers whose catalogs are nested 300,000 levels deep,
 * larger than the size limit, expand exponentially, contain themselves, carry a catastrophic
 * pattern (`regex`), or whose error body is nested a million levels deep.
 */
import { startTestBroker, validCatalog, type Responder, type TestBroker } from './test-brokers.ts';
import type { TestBrokerEntry } from './test-config.ts';

const CATASTROPHIC = '^(a+)+$';

/** Raw catalog text whose create schema nests `levels` objects inside one another. */
function deeplyNestedCatalog(levels: number): string {
  const catalog = JSON.stringify(
    withCreateSchema('deep', { type: 'object', properties: { nested: { $placeholder: true } } }),
  );
  const nested = `${'{"properties":{"a":'.repeat(levels)}{}${'}}'.repeat(levels)}`;
  return catalog.replace('{"$placeholder":true}', nested);
}

/** A create schema whose 20 levels of definitions each refer twice to the next: 2^20 nodes once expanded. */
function exponentialSchema(): Record<string, unknown> {
  const definitions: Record<string, unknown> = { level20: { type: 'string' } };
  for (let level = 0; level < 20; level += 1) {
    const next = { $ref: `#/definitions/level${level + 1}` };
    definitions[`level${level}`] = { type: 'object', properties: { left: next, right: next } };
  }
  return { type: 'object', definitions, properties: { tree: { $ref: '#/definitions/level0' } } };
}

function cyclicSchema(): Record<string, unknown> {
  return {
    type: 'object',
    definitions: { node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } } },
    properties: { root: { $ref: '#/definitions/node' } },
  };
}

/** A valid catalog `<prefix>-db` whose small plan has `schema` as its create schema. */
function withCreateSchema(prefix: string, schema: Record<string, unknown>) {
  const catalog = validCatalog(prefix);
  (catalog.services[0]!['plans'] as Record<string, unknown>[])[0]!['schemas'] = {
    service_instance: { create: { parameters: schema } },
  };
  return catalog;
}

/** Answers the catalog with `raw` text and everything else like a polite synchronous broker. */
function rawCatalog(raw: string): Responder {
  return (request) => (request.url.endsWith('/v2/catalog') ? { status: 200, raw } : { status: 201, body: {} });
}

/** How each hostile broker (and the good one) answers, by broker id. */
export function hostileResponders(): Record<string, Responder> {
  return {
    good: rawCatalog(JSON.stringify(validCatalog('good'))),
    deep: rawCatalog(deeplyNestedCatalog(300_000)),
    huge: rawCatalog(JSON.stringify({ services: [], padding: 'x'.repeat(9 * 1024 * 1024) })),
    exponential: rawCatalog(JSON.stringify(withCreateSchema('exponential', exponentialSchema()))),
    cyclic: rawCatalog(JSON.stringify(withCreateSchema('cyclic', cyclicSchema()))),
    regex: rawCatalog(
      JSON.stringify(
        withCreateSchema('regex', {
          type: 'object',
          properties: { name: { type: 'string', pattern: CATASTROPHIC } },
          patternProperties: { [CATASTROPHIC]: { type: 'string' } },
        }),
      ),
    ),
    'deep-error': (request) =>
      request.url.endsWith('/v2/catalog')
        ? { status: 500, raw: `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}` }
        : { status: 404, body: {} },
  };
}

/** The hostile brokers, running: their configuration entries, and a function that stops them all. */
export interface HostileBrokers {
  entries: TestBrokerEntry[];
  close(): Promise<void>;
}

/** Starts every broker of {@link hostileResponders} on a port of its own. */
export async function startHostileBrokers(): Promise<HostileBrokers> {
  const brokers: { id: string; broker: TestBroker }[] = [];
  for (const [id, responder] of Object.entries(hostileResponders())) {
    brokers.push({ id, broker: await startTestBroker(responder) });
  }
  return {
    entries: brokers.map(({ id, broker }) => ({ id, url: broker.url })),
    async close() {
      for (const { broker } of brokers) await broker.close();
    },
  };
}
