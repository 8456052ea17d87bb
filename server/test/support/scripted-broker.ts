/**
 * An OSB broker over real HTTP whose answers a test scripts request by request: each status
 * code, malformed bodies, `Retry-After`, answers that never come, operations that never finish.
 * Without a script it behaves like a well-mannered synchronous broker.
 */
import { startTestBroker, type RecordedRequest, type TestBroker } from './test-brokers.ts';

/** The OSB endpoints the broker tells apart. */
export type BrokerRoute =
  | 'catalog'
  | 'provision'
  | 'update'
  | 'deprovision'
  | 'last_operation'
  | 'fetch'
  | 'bind'
  | 'unbind'
  | 'binding_last_operation'
  | 'binding_fetch'
  | 'other';

/** One scripted answer: a JSON body, or raw text for malformed ones, after `delayMs`; `hang` never answers. */
export type ScriptedAnswer =
  { status: number; body?: unknown; raw?: string; headers?: Record<string, string>; delayMs?: number } | 'hang';

/** A request as the broker saw it, with its route, path ids, query and JSON body read. */
export interface BrokerRequest {
  route: BrokerRoute;
  method: string;
  /** The instance id from the path, percent-decoded. */
  instanceId?: string;
  /** The binding id from the path, percent-decoded. */
  bindingId?: string;
  query: Record<string, string>;
  /** The JSON body, or undefined. */
  body: unknown;
  headers: RecordedRequest['headers'];
  /** The decoded `X-Broker-API-Originating-Identity`, if sent. */
  originatingIdentity?: { platform: string; user: unknown };
}

/**
 * The catalog a scripted broker serves unless told otherwise; with `maximumPollingDurationSeconds`,
 * a plan `scripted-bounded` of that `maximum_polling_duration` besides (the others have none, so
 * that their operations do not fail when a busy machine slows the polls down).
 */
export function scriptedCatalog(options: { maximumPollingDurationSeconds?: number } = {}) {
  const create = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    properties: {
      size: { type: 'integer', minimum: 1, maximum: 10, title: 'Size', widget: { id: 'select' } },
      tier: { type: 'string', enum: ['basic', 'premium'] },
    },
    required: ['size'],
  };
  const update = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    properties: {
      size: { type: 'integer', minimum: 1, maximum: 10 },
      tier: { type: 'string', enum: ['basic', 'premium'] },
    },
    required: ['size'],
  };
  return {
    services: [
      {
        id: 'scripted-service',
        name: 'scripted-db',
        description: 'A database whose broker follows a script',
        bindable: true,
        plan_updateable: false,
        plans: [
          {
            id: 'scripted-small',
            name: 'small',
            description: 'Small',
            plan_updateable: true,
            maintenance_info: { version: '1.0.0' },
            schemas: { service_instance: { create: { parameters: create }, update: { parameters: update } } },
          },
          {
            id: 'scripted-large',
            name: 'large',
            description: 'Large',
            plan_updateable: true,
            maintenance_info: { version: '2.0.0' },
          },
          { id: 'scripted-fixed', name: 'fixed', description: 'Cannot change plans', plan_updateable: false },
          ...(options.maximumPollingDurationSeconds
            ? [
                {
                  id: 'scripted-bounded',
                  name: 'bounded',
                  description: 'Gives up on operations that take too long',
                  maximum_polling_duration: options.maximumPollingDurationSeconds,
                },
              ]
            : []),
        ],
      },
      {
        id: 'scripted-dashboard-service',
        name: 'scripted-dashboard',
        description: 'A service with a dashboard client',
        bindable: false,
        dashboard_client: {
          id: 'scripted-dashboard-client',
          secret: 'dashboard-secret',
          redirect_uri: 'http://127.0.0.1:9/dash',
        },
        plans: [{ id: 'scripted-dashboard-plan', name: 'standard', description: 'Standard' }],
      },
    ],
  };
}

/** A running scripted broker. */
export interface ScriptedBroker {
  url: string;
  /** Every request except catalog fetches, in arrival order. */
  readonly requests: BrokerRequest[];
  /** Queues answers for a route; each answers one request, in order. */
  script(route: BrokerRoute, ...answers: ScriptedAnswer[]): void;
  /** How a route answers once its queue is empty. */
  setDefault(route: BrokerRoute, answer: ScriptedAnswer): void;
  /** The requests of one route. */
  requestsTo(route: BrokerRoute): BrokerRequest[];
  close(): Promise<void>;
}

const DEFAULT_ANSWERS: Record<BrokerRoute, ScriptedAnswer> = {
  catalog: { status: 200, body: scriptedCatalog() },
  provision: { status: 201, body: {} },
  update: { status: 200, body: {} },
  deprovision: { status: 200, body: {} },
  last_operation: { status: 200, body: { state: 'succeeded' } },
  fetch: { status: 404, body: {} },
  bind: { status: 201, body: { credentials: {} } },
  unbind: { status: 200, body: {} },
  binding_last_operation: { status: 200, body: { state: 'succeeded' } },
  binding_fetch: { status: 404, body: {} },
  other: { status: 404, body: { description: 'Not scripted' } },
};

/** Starts a scripted broker on 127.0.0.1 port 0 serving `catalog`. */
export async function startScriptedBroker(catalog: unknown = scriptedCatalog()): Promise<ScriptedBroker> {
  const queues = new Map<BrokerRoute, ScriptedAnswer[]>();
  const defaults = new Map<BrokerRoute, ScriptedAnswer>(
    Object.entries(DEFAULT_ANSWERS) as [BrokerRoute, ScriptedAnswer][],
  );
  defaults.set('catalog', { status: 200, body: catalog });
  const requests: BrokerRequest[] = [];
  const broker: TestBroker = await startTestBroker((recorded) => {
    const request = readRequest(recorded);
    if (request.route !== 'catalog') requests.push(request);
    const answer = queues.get(request.route)?.shift() ?? defaults.get(request.route)!;
    return answer === 'hang' ? 'hang' : answer;
  });
  return {
    url: broker.url,
    requests,
    script: (route, ...answers) => queues.set(route, [...(queues.get(route) ?? []), ...answers]),
    setDefault: (route, answer) => defaults.set(route, answer),
    requestsTo: (route) => requests.filter((request) => request.route === route),
    close: () => broker.close(),
  };
}

function readRequest(recorded: RecordedRequest): BrokerRequest {
  const url = new URL(recorded.url, 'http://broker');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const query = Object.fromEntries(url.searchParams);
  let body: unknown;
  try {
    body = recorded.body ? JSON.parse(recorded.body) : undefined;
  } catch {
    body = undefined;
  }
  const identity = recorded.headers['x-broker-api-originating-identity'];
  let originatingIdentity: BrokerRequest['originatingIdentity'];
  if (typeof identity === 'string') {
    const [platform = '', encoded = ''] = identity.split(' ');
    originatingIdentity = { platform, user: JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) };
  }
  return {
    route: routeOf(recorded.method, segments),
    method: recorded.method,
    ...(segments[2] !== undefined ? { instanceId: segments[2] } : {}),
    ...(segments[3] === 'service_bindings' && segments[4] !== undefined ? { bindingId: segments[4] } : {}),
    query,
    body,
    headers: recorded.headers,
    ...(originatingIdentity ? { originatingIdentity } : {}),
  };
}

function routeOf(method: string, segments: string[]): BrokerRoute {
  const path = segments.join('/');
  if (method === 'GET' && path === 'v2/catalog') return 'catalog';
  if (segments[0] !== 'v2' || segments[1] !== 'service_instances' || segments[2] === undefined) return 'other';
  if (segments.length === 3) {
    if (method === 'PUT') return 'provision';
    if (method === 'PATCH') return 'update';
    if (method === 'DELETE') return 'deprovision';
    if (method === 'GET') return 'fetch';
  }
  if (segments.length === 4 && segments[3] === 'last_operation' && method === 'GET') return 'last_operation';
  if (segments[3] === 'service_bindings' && segments.length === 5) {
    if (method === 'PUT') return 'bind';
    if (method === 'DELETE') return 'unbind';
    if (method === 'GET') return 'binding_fetch';
  }
  if (
    segments[3] === 'service_bindings' &&
    segments.length === 6 &&
    segments[5] === 'last_operation' &&
    method === 'GET'
  ) {
    return 'binding_last_operation';
  }
  return 'other';
}

/**
 * Waits until `condition` holds, checking every 10 ms; fails with `description` after
 * `timeoutMs` (a safety net against hanging tests, not a timing assertion).
 */
export async function eventually<T>(
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  description: string,
  timeoutMs = 15_000,
): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > giveUpAt) throw new Error(`Gave up waiting: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
