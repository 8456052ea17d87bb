/**
 * An OSB broker over real HTTP for scale and resilience checks: one service whose provisions are
 * asynchronous and succeed a fixed time after the provision request, and a log of every request
 * it served, with its start and end, the caller (the basic-auth user name, one per replica) and
 * the state it answered. Polls answer after a short delay, so that two polls of one operation at
 * once would overlap in the log.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the broker served it. */
export interface LoggedRequest {
  kind: 'catalog' | 'provision' | 'last_operation' | 'deprovision' | 'other';
  instanceId?: string;
  /** The basic-auth user name of the caller. */
  caller: string;
  startedAt: number;
  endedAt: number;
  /** The `state` a `last_operation` answer carried. */
  state?: 'in progress' | 'succeeded';
  status: number;
}

/** A running recording broker. */
export interface RecordingBroker {
  url: string;
  /** Every request served so far, in the order they ended. */
  log: LoggedRequest[];
  close(): Promise<void>;
}

/** The broker's service and plan ids. */
export const RECORDING_SERVICE = { serviceId: 'recorded-db', planId: 'recorded-db-small' };

const catalog = {
  services: [
    {
      id: RECORDING_SERVICE.serviceId,
      name: 'recorded-db',
      description: 'A database whose every request is recorded',
      bindable: false,
      plans: [{ id: RECORDING_SERVICE.planId, name: 'small', description: 'Small', free: true }],
    },
  ],
};

/**
 * Starts the broker. Provisions succeed `operationMs` after their request; every poll answers
 * after `pollDelayMs`.
 */
export async function startRecordingBroker(options: {
  operationMs: number;
  pollDelayMs: number;
}): Promise<RecordingBroker> {
  const log: LoggedRequest[] = [];
  const provisionedAt = new Map<string, number>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const startedAt = Date.now();
    const caller =
      Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':')[0] ?? '';
    for await (const _ of request);
    const url = new URL(request.url ?? '/', 'http://broker');
    const match = /^\/v2\/service_instances\/([^/]+)(\/last_operation)?$/.exec(url.pathname);
    const instanceId = match ? decodeURIComponent(match[1]!) : undefined;
    const answer = (status: number, body: unknown, entry: Partial<LoggedRequest> & Pick<LoggedRequest, 'kind'>) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
      log.push({ ...entry, caller, startedAt, endedAt: Date.now(), status, ...(instanceId ? { instanceId } : {}) });
    };

    if (url.pathname === '/v2/catalog') return answer(200, catalog, { kind: 'catalog' });
    if (match && !match[2] && request.method === 'PUT') {
      if (!provisionedAt.has(instanceId!)) provisionedAt.set(instanceId!, startedAt);
      return answer(202, { operation: 'provision' }, { kind: 'provision' });
    }
    if (match && match[2] && request.method === 'GET') {
      await new Promise((resolve) => setTimeout(resolve, options.pollDelayMs));
      const since = provisionedAt.get(instanceId!);
      if (since === undefined) return answer(410, {}, { kind: 'last_operation' });
      const state = Date.now() - since >= options.operationMs ? 'succeeded' : 'in progress';
      return answer(200, { state }, { kind: 'last_operation', state });
    }
    if (match && !match[2] && request.method === 'DELETE') {
      provisionedAt.delete(instanceId!);
      return answer(200, {}, { kind: 'deprovision' });
    }
    return answer(404, {}, { kind: 'other' });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the broker's log says about every operation: the promises of the platform, checked. */
export interface LogAnalysis {
  /** Instances provisioned more than once. */
  provisionedTwice: string[];
  /** Instances two of whose polls overlapped in time. */
  polledAtOnce: string[];
  /** Instances polled by a replica after another replica had polled them, other than `handedOverFrom`'s. */
  pollerSwitchedBack: string[];
  /** Instances whose success was answered more than once, or polled again after it. */
  finishedTwice: string[];
  /** Instances whose polls moved from one replica to another. */
  handedOver: number;
  /** The replicas that polls moved away from, with how many instances each. */
  handedOverFrom: Record<string, number>;
  /** Polls per provisioned instance. */
  pollsPerOperation: number;
  /** Broker requests per provisioned instance (provision and polls). */
  requestsPerOperation: number;
}

/**
 * Checks the log: every instance provisioned once; its polls never at once, by one replica at a
 * time (it may move on once, from a replica that stopped); one success answered and no poll after
 * it, except after a success answered to one of the `crashed` callers (which may have died before
 * it recorded the answer).
 */
export function analyseLog(log: LoggedRequest[], crashed: string[] = []): LogAnalysis {
  const byInstance = new Map<string, LoggedRequest[]>();
  for (const entry of log) {
    if (!entry.instanceId) continue;
    byInstance.set(entry.instanceId, [...(byInstance.get(entry.instanceId) ?? []), entry]);
  }
  const analysis: LogAnalysis = {
    provisionedTwice: [],
    polledAtOnce: [],
    pollerSwitchedBack: [],
    finishedTwice: [],
    handedOver: 0,
    handedOverFrom: {},
    pollsPerOperation: 0,
    requestsPerOperation: 0,
  };
  let polls = 0;
  let provisioned = 0;
  for (const [instanceId, entries] of byInstance) {
    const provisions = entries.filter((entry) => entry.kind === 'provision');
    provisioned += provisions.length > 0 ? 1 : 0;
    if (provisions.length > 1) analysis.provisionedTwice.push(instanceId);
    const instancePolls = entries
      .filter((entry) => entry.kind === 'last_operation')
      .sort((a, b) => a.startedAt - b.startedAt);
    polls += instancePolls.length;
    if (instancePolls.some((poll, index) => index > 0 && poll.startedAt < instancePolls[index - 1]!.endedAt)) {
      analysis.polledAtOnce.push(instanceId);
    }
    const pollers = instancePolls
      .map((poll) => poll.caller)
      .filter((caller, index, all) => index === 0 || all[index - 1] !== caller);
    if (new Set(pollers).size !== pollers.length) analysis.pollerSwitchedBack.push(instanceId);
    if (pollers.length > 1) {
      analysis.handedOver++;
      analysis.handedOverFrom[pollers[0]!] = (analysis.handedOverFrom[pollers[0]!] ?? 0) + 1;
    }
    const firstRecorded = instancePolls.findIndex(
      (poll) => poll.state === 'succeeded' && !crashed.includes(poll.caller),
    );
    if (firstRecorded >= 0 && firstRecorded !== instancePolls.length - 1) analysis.finishedTwice.push(instanceId);
  }
  analysis.pollsPerOperation = provisioned === 0 ? 0 : polls / provisioned;
  analysis.requestsPerOperation = provisioned === 0 ? 0 : (polls + provisioned) / provisioned;
  return analysis;
}
