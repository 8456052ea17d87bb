import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateCatalog, type AcceptedCatalog, type RejectedCatalog } from '../src/osb/catalog-validation.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/schemas/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const context = { brokerId: 'b1', locality: { kind: 'global' as const } };

/** A minimal valid service; `patch` overrides its fields. */
function service(
  patch: Record<string, unknown> = {},
  plans: Record<string, unknown>[] = [plan()],
): Record<string, unknown> {
  return { id: 'svc-1', name: 'postgres', description: 'PostgreSQL', bindable: true, plans, ...patch };
}
function plan(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'plan-1', name: 'small', description: 'Small', ...patch };
}
function accept(catalog: unknown, knownIds?: Map<string, string>): AcceptedCatalog {
  const result = validateCatalog(catalog, { ...context, knownIds });
  assert.equal(result.accepted, true, `expected acceptance, got ${JSON.stringify(result)}`);
  return result as AcceptedCatalog;
}
function reject(catalog: unknown, knownIds?: Map<string, string>): RejectedCatalog {
  const result = validateCatalog(catalog, { ...context, knownIds });
  assert.equal(result.accepted, false, 'expected the catalog to be rejected');
  return result as RejectedCatalog;
}

describe('validateCatalog rejects', () => {
  it('a catalog without services', () => {
    assert.deepEqual(reject({}).reasons, ["the catalog has no 'services' list"]);
    assert.deepEqual(reject(null).reasons, ["the catalog has no 'services' list"]);
    assert.deepEqual(reject({ services: {} }).reasons, ["the catalog has no 'services' list"]);
  });

  it('an offering lacking name, id, description, bindable or plans', () => {
    assert.deepEqual(reject({ services: [service({ name: undefined })] }).reasons, ['service #1 has no name']);
    assert.deepEqual(reject({ services: [service({ id: undefined })] }).reasons, ["service 'postgres' has no id"]);
    assert.deepEqual(reject({ services: [service({ description: undefined })] }).reasons, [
      "service 'postgres' has no description",
    ]);
    assert.deepEqual(reject({ services: [service({ bindable: undefined })] }).reasons, [
      "service 'postgres' has no 'bindable' flag",
    ]);
    assert.deepEqual(reject({ services: [service({ bindable: 'yes' })] }).reasons, [
      "service 'postgres': 'bindable' is not true or false",
    ]);
    assert.deepEqual(reject({ services: [service({}, [])] }).reasons, ["service 'postgres' has no plans"]);
    assert.deepEqual(reject({ services: [service({ plans: undefined })] }).reasons, [
      "service 'postgres' has no plans",
    ]);
  });

  it('a plan lacking id, name or description, and empty required strings', () => {
    assert.deepEqual(reject({ services: [service({}, [plan({ description: undefined })])] }).reasons, [
      "plan 'small' of service 'postgres' has no description",
    ]);
    assert.deepEqual(reject({ services: [service({}, [plan({ id: undefined })])] }).reasons, [
      "plan 'small' of service 'postgres' has no id",
    ]);
    assert.deepEqual(reject({ services: [service({}, [plan({ name: '  ' })])] }).reasons, [
      "plan #1 of service 'postgres' has an empty name",
    ]);
    assert.deepEqual(reject({ services: [service({ description: '' })] }).reasons, [
      "service 'postgres' has an empty description",
    ]);
  });

  it('repeated service names and repeated plan names within an offering', () => {
    const twice = reject({ services: [service(), service({ id: 'svc-2' }, [plan({ id: 'plan-2' })])] });
    assert.deepEqual(twice.reasons, ["the service name 'postgres' is used twice"]);
    const plans = reject({ services: [service({}, [plan(), plan({ id: 'plan-2' })])] });
    assert.deepEqual(plans.reasons, ["service 'postgres' has two plans named 'small'"]);
  });

  it('ids that are not unique, within the catalog and across brokers', () => {
    const within = reject({ services: [service({}, [plan({ id: 'svc-1' })])] });
    assert.deepEqual(within.reasons, [
      "plan 'small' of service 'postgres' uses id 'svc-1', which service 'postgres' already uses",
    ]);
    const across = reject({ services: [service()] }, new Map([['plan-1', 'other-broker']]));
    assert.deepEqual(across.reasons, [
      "plan 'small' of service 'postgres' uses id 'plan-1', which broker 'other-broker' already uses",
    ]);
    // Ids the same broker used before are its own.
    accept({ services: [service()] }, new Map([['plan-1', 'b1']]));
  });

  it('requires entries outside the spec, and maintenance_info versions that are not semver', () => {
    assert.deepEqual(reject({ services: [service({ requires: ['syslog_drain', 'magic'] })] }).reasons, [
      `service 'postgres' requires "magic", which is not one of syslog_drain, route_forwarding, volume_mount`,
    ]);
    accept({ services: [service({ requires: ['syslog_drain', 'route_forwarding', 'volume_mount'] })] });
    assert.deepEqual(reject({ services: [service({}, [plan({ maintenance_info: { version: '1.2' } })])] }).reasons, [
      `plan 'small' of service 'postgres': maintenance_info.version "1.2" is not a semantic version`,
    ]);
    const ok = accept({ services: [service({}, [plan({ maintenance_info: { version: '2.0.0-rc.1+build.5' } })])] });
    assert.equal(ok.services[0]!.plans[0]!.maintenanceInfoVersion, '2.0.0-rc.1+build.5');
  });

  it('with every reason at once', () => {
    const result = reject({
      services: [
        service({ name: 'x', bindable: undefined }, [plan({ description: '' }), plan({ id: 'p2', name: undefined })]),
      ],
    });
    assert.equal(result.reasons.length, 3);
  });
});

describe('validateCatalog maps', () => {
  it('applies the OSB defaults and the plan overrides', () => {
    const result = accept({
      services: [
        service({ bindable: false, plan_updateable: true }, [
          plan(),
          plan({ id: 'plan-2', name: 'large', free: false, bindable: true, plan_updateable: false }),
        ]),
      ],
    });
    const [small, large] = result.services[0]!.plans;
    assert.deepEqual(
      { free: small!.free, bindable: small!.bindable, planUpdateable: small!.planUpdateable },
      { free: true, bindable: false, planUpdateable: true },
    );
    assert.deepEqual(
      { free: large!.free, bindable: large!.bindable, planUpdateable: large!.planUpdateable },
      { free: false, bindable: true, planUpdateable: false },
    );
    const offering = result.services[0]!;
    assert.equal(offering.instancesRetrievable, false);
    assert.equal(offering.bindingsRetrievable, false);
    assert.equal(offering.hasDashboardClient, false);
    assert.deepEqual(offering.locality, { kind: 'global' });
    assert.equal(offering.brokerId, 'b1');
    assert.equal(offering.displayName, 'postgres');
    assert.equal(small!.displayName, 'small');
    const updateableDefault = accept({ services: [service()] });
    assert.equal(updateableDefault.services[0]!.plans[0]!.planUpdateable, false);
  });

  it('extracts the parameter schemas of real brokers, and the binding schema only for bindable plans', () => {
    const create = fixture('osba-postgresql-10-general-purpose-instance-create.json');
    const update = fixture('osba-postgresql-10-general-purpose-instance-update.json');
    const binding = fixture('gcp-cloud-storage-binding-create.json');
    const schemas = {
      service_instance: { create: { parameters: create }, update: { parameters: update } },
      service_binding: { create: { parameters: binding } },
    };
    const result = accept({
      services: [service({}, [plan({ schemas }), plan({ id: 'plan-2', name: 'unbound', bindable: false, schemas })])],
    });
    const [bound, unbound] = result.services[0]!.plans;
    assert.deepEqual(bound!.schemas, { instanceCreate: create, instanceUpdate: update, bindingCreate: binding });
    assert.deepEqual(unbound!.schemas, { instanceCreate: create, instanceUpdate: update });
  });

  it('keeps schemas without $schema with a warning, and drops external references', () => {
    const meshcloud = fixture('meshcloud-docs-example-instance-create.json');
    const external = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: { a: { $ref: 'https://example.com/a.json' } },
    };
    const result = accept({
      services: [
        service({}, [
          plan({
            schemas: { service_instance: { create: { parameters: meshcloud }, update: { parameters: external } } },
          }),
        ]),
      ],
    });
    assert.deepEqual(result.services[0]!.plans[0]!.schemas, { instanceCreate: meshcloud });
    assert.ok(result.warnings.some((warning) => warning.includes("instance create schema does not declare '$schema'")));
    assert.ok(
      result.warnings.some((warning) => warning.includes('instance update schema refers to external documents')),
    );
  });

  it('reads the profile metadata and drops URLs that are not http(s)', () => {
    const result = accept({
      services: [
        service({
          metadata: {
            displayName: 'PostgreSQL <b>DB</b>',
            imageUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
            longDescription: '# Markdown\n<script>alert(1)</script>',
            providerDisplayName: 'Likvid',
            documentationUrl: 'javascript:alert(1)',
            supportUrl: 'https://support.example.com/',
          },
        }),
      ],
    });
    const offering = result.services[0]!;
    assert.equal(offering.displayName, 'PostgreSQL <b>DB</b>', 'text stays text');
    assert.equal(offering.imageUrl, 'data:image/svg+xml;base64,PHN2Zy8+');
    assert.equal(offering.longDescription, '# Markdown\n<script>alert(1)</script>');
    assert.equal(offering.providerDisplayName, 'Likvid');
    assert.equal(offering.documentationUrl, undefined);
    assert.equal(offering.supportUrl, 'https://support.example.com/');
    assert.deepEqual(result.warnings, [
      "service 'postgres': metadata.documentationUrl is not an http(s) URL and was ignored",
    ]);
    const badImage = accept({ services: [service({ metadata: { imageUrl: 'data:text/html,<script>' } })] });
    assert.equal(badImage.services[0]!.imageUrl, undefined);
  });

  it('reads plan costs, bullets, expiryDays and maximum_polling_duration, warning about malformed ones', () => {
    const result = accept({
      services: [
        service({}, [
          plan({
            maximum_polling_duration: 600,
            metadata: {
              displayName: 'Small plan',
              bullets: ['1 GB', 7, '2 vCPU'],
              expiryDays: 30,
              costs: [
                { amount: { eur: 9.99 }, unit: 'MONTHLY' },
                { amount: { EUR: 1 }, unit: 'per request' },
                { amount: { eur: 'free' }, unit: 'MONTHLY' },
                { unit: 'HOURLY' },
                'cheap',
              ],
            },
          }),
          plan({ id: 'plan-2', name: 'large', maximum_polling_duration: -1, metadata: { expiryDays: 2.5 } }),
        ]),
      ],
    });
    const [small, large] = result.services[0]!.plans;
    assert.equal(small!.displayName, 'Small plan');
    assert.deepEqual(small!.bullets, ['1 GB', '2 vCPU']);
    assert.deepEqual(small!.costs, [
      { amount: { eur: 9.99 }, unit: 'MONTHLY' },
      { amount: { eur: 1 }, unit: 'per request' },
    ]);
    assert.equal(small!.expiryDays, 30);
    assert.equal(small!.maximumPollingDurationSeconds, 600);
    assert.equal(large!.expiryDays, undefined);
    assert.equal(large!.maximumPollingDurationSeconds, undefined);
    assert.deepEqual(result.warnings, [
      "plan 'small' of service 'postgres': cost #3 lacks an amount or a unit and was ignored",
      "plan 'small' of service 'postgres': cost #4 lacks an amount or a unit and was ignored",
      "plan 'small' of service 'postgres': cost #5 lacks an amount or a unit and was ignored",
      "plan 'large' of service 'postgres': metadata.expiryDays is not a positive whole number and was ignored",
      "plan 'large' of service 'postgres': maximum_polling_duration is not a positive whole number and was ignored",
    ]);
  });

  it('reads the meshMarketplace flags, the sensitive tag and dashboard_client', () => {
    const result = accept({
      services: [
        service({
          metadata: { sensitive: true, tenantAware: true, shareable: true },
          dashboard_client: { id: 'c', secret: 's', redirect_uri: 'https://x' },
        }),
        service({ id: 'svc-2', name: 'vault', tags: ['sensitive', 7] }, [plan({ id: 'plan-2' })]),
        service({ id: 'svc-3', name: 'plain', metadata: { shareable: 'yes' } }, [plan({ id: 'plan-3' })]),
      ],
    });
    const [flagged, tagged, plain] = result.services;
    assert.deepEqual(
      [flagged!.sensitive, flagged!.tenantAware, flagged!.shareable, flagged!.hasDashboardClient],
      [true, true, true, true],
    );
    assert.equal(tagged!.sensitive, true);
    assert.deepEqual(tagged!.tags, ['sensitive']);
    assert.deepEqual([plain!.sensitive, plain!.tenantAware, plain!.shareable], [false, false, false]);
  });

  it('warns only about non-CLI-friendly names and long strings', () => {
    const result = accept({
      services: [service({ name: 'My Postgres', description: 'd'.repeat(300) }, [plan({ name: 'small_plan' })])],
    });
    assert.deepEqual(result.warnings, [
      "service 'My Postgres' description is longer than 255 characters",
      "service 'My Postgres': the name is not CLI-friendly (letters, digits, '.' and '-' only)",
      "plan 'small_plan' of service 'My Postgres': the name is not CLI-friendly (letters, digits, '.' and '-' only)",
    ]);
    assert.deepEqual(result.ids, ['svc-1', 'plan-1']);
  });

  it('gives local brokers local offerings', () => {
    const result = validateCatalog(
      { services: [service()] },
      { brokerId: 'b2', locality: { kind: 'local', locationId: 'eu-de-central' } },
    );
    assert.ok(result.accepted);
    assert.deepEqual(result.services[0]!.locality, { kind: 'local', locationId: 'eu-de-central' });
  });
});
