/**
 * The catalog: services, plans, locations and brokers' health.
 */
import Type, { type Static } from 'typebox';

/** A location where local services are offered (for example a data centre or region). */
export const Location = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
});
export type Location = Static<typeof Location>;

/** Where a service is offered: everywhere (global) or in one location (local). */
export const Locality = Type.Union([
  Type.Object({ kind: Type.Literal('global') }),
  Type.Object({ kind: Type.Literal('local'), locationId: Type.String() }),
]);
export type Locality = Static<typeof Locality>;

/** One cost component of a plan, as in the OSB profile's cost object. */
export const PlanCost = Type.Object({
  /** Amounts by lower-case ISO currency code, for example `{eur: 12.5}`. */
  amount: Type.Record(Type.String(), Type.Number()),
  /** Unit as the broker gives it; meshMarketplace units are HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY, MB, GB, SETUP FEE. */
  unit: Type.String(),
});
export type PlanCost = Static<typeof PlanCost>;

/** A JSON schema for parameters, passed through from the broker untouched. */
export const ParameterSchema = Type.Record(Type.String(), Type.Unknown());
export type ParameterSchema = Static<typeof ParameterSchema>;

/** The parameter schemas of a plan (OSB `schemas` object, flattened). */
export const PlanSchemas = Type.Object({
  instanceCreate: Type.Optional(ParameterSchema),
  instanceUpdate: Type.Optional(ParameterSchema),
  bindingCreate: Type.Optional(ParameterSchema),
});
export type PlanSchemas = Static<typeof PlanSchemas>;

/** What the marketplace listing carries of a plan: enough for cards, filters and instance lists. */
export const ServicePlanSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  displayName: Type.String(),
  /** Plan `free`, default true. */
  free: Type.Boolean(),
  /** Plan `bindable`, else the service's. */
  bindable: Type.Boolean(),
  /** Plan `plan_updateable`, else the service's, default false. */
  planUpdateable: Type.Boolean(),
  /** meshMarketplace `metadata.expiryDays`: bindings are deleted this many days after creation. */
  expiryDays: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ServicePlanSummary = Static<typeof ServicePlanSummary>;

/** A service plan with the OSB defaults and overrides already applied. */
export const ServicePlan = Type.Object({
  ...ServicePlanSummary.properties,
  description: Type.String(),
  bullets: Type.Array(Type.String()),
  costs: Type.Array(PlanCost),
  maximumPollingDurationSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  /** OSB `maintenance_info.version` (semantic versioning). */
  maintenanceInfoVersion: Type.Optional(Type.String()),
  /** OSB `maintenance_info.description`: the broker's text about this version; untrusted. */
  maintenanceInfoDescription: Type.Optional(Type.String()),
  schemas: PlanSchemas,
});
export type ServicePlan = Static<typeof ServicePlan>;

/**
 * What the marketplace listing carries of a service: what cards and filters need, without long
 * descriptions, links and parameter schemas (`GET /api/catalog/services/:serviceId` has those).
 */
export const ServiceSummary = Type.Object({
  id: Type.String(),
  brokerId: Type.String(),
  name: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  /** Broker-supplied image URL (http, https or data:image); untrusted. */
  imageUrl: Type.Optional(Type.String()),
  providerDisplayName: Type.Optional(Type.String()),
  tags: Type.Array(Type.String()),
  locality: Locality,
  bindable: Type.Boolean(),
  /** meshMarketplace flags from `metadata` (or the older `sensitive` tag). */
  sensitive: Type.Boolean(),
  tenantAware: Type.Boolean(),
  shareable: Type.Boolean(),
  plans: Type.Array(ServicePlanSummary),
});
export type ServiceSummary = Static<typeof ServiceSummary>;

/** A service offering of one broker, with the profile metadata the UI shows. */
export const ServiceOffering = Type.Object({
  ...ServiceSummary.properties,
  /** Markdown from the broker: untrusted, the UI sanitises it before rendering. */
  longDescription: Type.Optional(Type.String()),
  documentationUrl: Type.Optional(Type.String()),
  supportUrl: Type.Optional(Type.String()),
  /** The OSB `requires` permissions (`syslog_drain`, `route_forwarding`, `volume_mount`); absent when none. */
  requires: Type.Optional(Type.Array(Type.String())),
  instancesRetrievable: Type.Boolean(),
  bindingsRetrievable: Type.Boolean(),
  /** OSB `binding_rotatable`: a binding can get a successor with fresh credentials (`predecessor_binding_id`). */
  bindingRotatable: Type.Boolean(),
  /** Whether the service declares a `dashboard_client`. */
  hasDashboardClient: Type.Boolean(),
  plans: Type.Array(ServicePlan),
});
export type ServiceOffering = Static<typeof ServiceOffering>;

/** Health of one registered broker's catalog, as last fetched. */
export const BrokerStatus = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  locality: Locality,
  state: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  /** Why the catalog could not be used, in English (for API clients and operators; the UI shows `problem`). */
  reason: Type.Optional(Type.String()),
  /**
   * While unavailable, why, as a code the UI translates: its catalog was not fetched yet, the
   * broker could not be reached (no answer or an error answer), its catalog was rejected, or the
   * platform failed checking it.
   */
  problem: Type.Optional(
    Type.Union([
      Type.Literal('not-fetched'),
      Type.Literal('unreachable'),
      Type.Literal('rejected'),
      Type.Literal('check-failed'),
    ]),
  ),
  /** Catalog warnings that did not reject it (for example non-CLI-friendly names). */
  warnings: Type.Array(Type.String()),
  /** ISO time of the last successful fetch, if any. */
  lastRefreshedAt: Type.Optional(Type.String()),
  /** While unavailable: ISO time of the first refresh that failed since the last good one. */
  unavailableSince: Type.Optional(Type.String()),
  /** The broker could not be reached (no answer, or an error answer): orders of its services are refused. */
  unreachable: Type.Optional(Type.Boolean()),
  /** The services listed are from the catalog the platform stored at `lastRefreshedAt`, not fresh ones. */
  stale: Type.Optional(Type.Boolean()),
});
export type BrokerStatus = Static<typeof BrokerStatus>;

/**
 * `GET /api/catalog`: every service of every broker (as summaries), the locations and the
 * brokers' health. Served with an ETag; a request with a matching `If-None-Match` gets 304.
 */
export const CatalogResponse = Type.Object({
  services: Type.Array(ServiceSummary),
  locations: Type.Array(Location),
  brokers: Type.Array(BrokerStatus),
});
export type CatalogResponse = Static<typeof CatalogResponse>;
