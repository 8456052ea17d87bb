import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { BrokerError, parseErrorBody } from '../src/osb/broker-error.ts';
import { OsbClient } from '../src/osb/osb-client.ts';
import { startTestBroker, unreachableUrl, validCatalog, type TestBroker } from './support/test-brokers.ts';

const brokers: TestBroker[] = [];
after(() => Promise.all(brokers.map((broker) => broker.close())));

async function brokerAnswering(...args: Parameters<typeof startTestBroker>) {
  const broker = await startTestBroker(...args);
  brokers.push(broker);
  return broker;
}

function clientFor(url: string, timeoutSeconds = 5) {
  return new OsbClient({
    url,
    username: 'broker-user',
    password: 'sécret:pass',
    publicUrl: 'https://marketplace.example',
    timeoutSeconds,
  });
}

async function brokerError(promise: Promise<unknown>): Promise<BrokerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BrokerError, `expected a BrokerError, got ${error}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

describe('OsbClient', () => {
  it('sends the OSB headers on every request', async () => {
    const broker = await brokerAnswering(() => ({ status: 200, body: validCatalog('a') }));
    const client = clientFor(`${broker.url}/some/prefix/`);
    assert.deepEqual(await client.catalog(), validCatalog('a'));
    await client.catalog();
    const [first, second] = broker.requests;
    assert.equal(first!.url, '/some/prefix/v2/catalog');
    assert.equal(first!.headers['x-broker-api-version'], '2.17');
    assert.equal(first!.headers['authorization'], `Basic ${Buffer.from('broker-user:sécret:pass').toString('base64')}`);
    assert.equal(first!.headers['x-api-info-location'], 'https://marketplace.example/info');
    assert.match(
      String(first!.headers['x-broker-api-request-identity']),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.notEqual(first!.headers['x-broker-api-request-identity'], second!.headers['x-broker-api-request-identity']);
    assert.equal(first!.headers['content-type'], undefined, 'no content type without a body');
    assert.equal(first!.headers['x-broker-api-originating-identity'], undefined);
  });

  it('percent-encodes ids, sends JSON bodies and the originating identity', async () => {
    const broker = await brokerAnswering(() => ({ status: 201, body: { dashboard_url: 'https://dash' } }));
    const response = await clientFor(broker.url).request(
      {
        method: 'PUT',
        path: ['service_instances', 'a/b c?d'],
        query: { accepts_incomplete: true, skipped: undefined },
        body: { service_id: 's', plan_id: 'p' },
        originatingIdentity: { platform: 'meshmarketplace', user: { user_id: 'alice', user_euid: 'alice@x' } },
      },
      [200, 201, 202],
    );
    assert.deepEqual(response, { status: 201, body: { dashboard_url: 'https://dash' }, retryAfter: undefined });
    const [request] = broker.requests;
    assert.equal(request!.url, '/v2/service_instances/a%2Fb%20c%3Fd?accepts_incomplete=true');
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request!.body), { service_id: 's', plan_id: 'p' });
    const [platform, encoded] = String(request!.headers['x-broker-api-originating-identity']).split(' ');
    assert.equal(platform, 'meshmarketplace');
    assert.deepEqual(JSON.parse(Buffer.from(encoded!, 'base64').toString()), {
      user_id: 'alice',
      user_euid: 'alice@x',
    });
  });

  it('turns unexpected statuses into http errors with the broker description', async () => {
    const broker = await brokerAnswering(() => ({
      status: 422,
      body: { error: 'ConcurrencyError', description: 'Another operation is running', instance_usable: false },
    }));
    const error = await brokerError(clientFor(broker.url).catalog());
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 422);
    assert.deepEqual(error.body, {
      error: 'ConcurrencyError',
      description: 'Another operation is running',
      instanceUsable: false,
    });
    assert.equal(error.message, 'The broker answered HTTP 422: Another operation is running');
    assert.ok(!error.message.includes('sécret'));
  });

  it('reports unreachable brokers, timeouts and answers that are not JSON objects', async () => {
    const refused = await brokerError(clientFor(await unreachableUrl()).catalog());
    assert.equal(refused.kind, 'unreachable');
    assert.equal(refused.message, 'The broker could not be reached (connection refused)');

    const hanging = await brokerAnswering(() => 'hang');
    const timeout = await brokerError(clientFor(hanging.url, 0.2).catalog());
    assert.equal(timeout.kind, 'timeout');
    assert.equal(timeout.message, 'The broker did not answer within 0.2 s');

    const html = await brokerAnswering(() => ({ status: 200, raw: '<html>hello</html>' }));
    const invalid = await brokerError(clientFor(html.url).catalog());
    assert.equal(invalid.kind, 'invalid-response');

    const array = await brokerAnswering(() => ({ status: 200, body: [1, 2] }));
    assert.equal((await brokerError(clientFor(array.url).catalog())).kind, 'invalid-response');
  });
});

describe('parseErrorBody', () => {
  it('reads JSON-encoded text in error, plain text, HTML and nonsense without throwing', () => {
    assert.deepEqual(
      parseErrorBody('{"error":"{\\"error\\":\\"BadRequest\\",\\"description\\":\\"plan is full\\"}"}'),
      {
        error: 'BadRequest',
        description: 'plan is full',
      },
    );
    assert.deepEqual(parseErrorBody('{"error":{"code":"E1","message":"nested"}}'), {
      error: 'E1',
      description: 'nested',
    });
    assert.deepEqual(parseErrorBody('quota exceeded'), { description: 'quota exceeded' });
    assert.deepEqual(parseErrorBody('<html><body>Bad gateway</body></html>'), {});
    assert.deepEqual(parseErrorBody(''), {});
    assert.deepEqual(parseErrorBody('null'), {});
    assert.deepEqual(parseErrorBody('{"description": 42, "update_repeatable": false}'), { updateRepeatable: false });
    assert.equal(parseErrorBody(JSON.stringify({ description: 'x'.repeat(5000) })).description!.length, 1001);
  });
});
