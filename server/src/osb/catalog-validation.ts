/**
 * Checks a broker's raw catalog against OSB v2.17 and the meshMarketplace profile, and maps it to
 * the contract's `ServiceOffering`s. Pure: no I/O, everything it needs comes in as arguments.
 */
import type { Locality, PlanCost, PlanSchemas, ServiceOffering, ServicePlan } from '@osb/api';
import { SCHEMA_BUDGET, isJsonObject, oversizeReason, referenceExpansionReason } from '@osb/json-schema';
import { SEMVER } from './semver.ts';

/** What the validator needs to know besides the catalog. */
export interface CatalogValidationContext {
  brokerId: string;
  locality: Locality;
  /** Service and plan ids other brokers already use, mapped to the broker that uses them. */
  knownIds?: ReadonlyMap<string, string>;
}

/** An accepted catalog: the offerings, the ids they use and any warnings. */
export interface AcceptedCatalog {
  accepted: true;
  services: ServiceOffering[];
  /** Every service and plan id of this catalog. */
  ids: string[];
  warnings: string[];
}

/** A rejected catalog and why. */
export interface RejectedCatalog {
  accepted: false;
  reasons: string[];
  warnings: string[];
}

/** `requires` values the OSB spec allows. */
const ALLOWED_REQUIRES = new Set(['syslog_drain', 'route_forwarding', 'volume_mount']);
const CLI_FRIENDLY = /^[A-Za-z0-9.-]+$/;
const MAX_RECOMMENDED_LENGTH = 255;
/** The longest `maintenance_info.description` kept; longer ones are cut. */
const MAX_MAINTENANCE_DESCRIPTION_LENGTH = 2000;
/** Largest parameter schema the OSB spec allows. */
const MAX_SCHEMA_BYTES = 64 * 1024;

/** Validates `raw` (the parsed body of `GET /v2/catalog`) and maps it to offerings. */
export function validateCatalog(raw: unknown, context: CatalogValidationContext): AcceptedCatalog | RejectedCatalog {
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (!isJsonObject(raw) || !Array.isArray(raw['services'])) {
    return { accepted: false, reasons: ["the catalog has no 'services' list"], warnings };
  }
  const services: ServiceOffering[] = [];
  const ids = new Map<string, string>();
  const serviceNames = new Set<string>();

  const claimId = (id: string, owner: string) => {
    const otherBroker = context.knownIds?.get(id);
    if (otherBroker !== undefined && otherBroker !== context.brokerId) {
      reasons.push(`${owner} uses id '${id}', which broker '${otherBroker}' already uses`);
    } else if (ids.has(id)) {
      reasons.push(`${owner} uses id '${id}', which ${ids.get(id)} already uses`);
    } else {
      ids.set(id, owner);
    }
  };

  raw['services'].forEach((rawService, serviceIndex) => {
    if (!isJsonObject(rawService)) {
      reasons.push(`service #${serviceIndex + 1} is not an object`);
      return;
    }
    const serviceLabel = `service ${label(rawService['name'], serviceIndex)}`;
    const id = requiredString(rawService, 'id', serviceLabel, reasons);
    const name = requiredString(rawService, 'name', serviceLabel, reasons);
    const description = requiredString(rawService, 'description', serviceLabel, reasons);
    for (const [key, value] of [
      ['id', id],
      ['name', name],
      ['description', description],
    ] as const) {
      warnIfLong(value, `${serviceLabel} ${key}`, warnings);
    }
    if (id !== undefined) claimId(id, serviceLabel);
    if (name !== undefined) {
      if (serviceNames.has(name)) reasons.push(`the service name '${name}' is used twice`);
      serviceNames.add(name);
      if (!CLI_FRIENDLY.test(name))
        warnings.push(`${serviceLabel}: the name is not CLI-friendly (letters, digits, '.' and '-' only)`);
    }
    const bindable = rawService['bindable'];
    if (bindable === undefined) reasons.push(`${serviceLabel} has no 'bindable' flag`);
    else if (typeof bindable !== 'boolean') reasons.push(`${serviceLabel}: 'bindable' is not true or false`);
    checkRequires(rawService['requires'], serviceLabel, reasons);

    const serviceMetadata = isJsonObject(rawService['metadata']) ? rawService['metadata'] : {};
    const tags = Array.isArray(rawService['tags'])
      ? rawService['tags'].filter((tag): tag is string => typeof tag === 'string')
      : [];
    const planUpdateable = optionalBoolean(rawService, 'plan_updateable', serviceLabel, warnings) ?? false;

    const rawPlans = rawService['plans'];
    const plans: ServicePlan[] = [];
    if (!Array.isArray(rawPlans) || rawPlans.length === 0) {
      reasons.push(`${serviceLabel} has no plans`);
    } else {
      const planNames = new Set<string>();
      rawPlans.forEach((rawPlan, planIndex) => {
        const planLabel = `plan ${label(isJsonObject(rawPlan) ? rawPlan['name'] : undefined, planIndex)} of ${serviceLabel}`;
        if (!isJsonObject(rawPlan)) {
          reasons.push(`${planLabel} is not an object`);
          return;
        }
        const plan = mapPlan(rawPlan, planLabel, {
          bindable: bindable === true,
          planUpdateable,
          reasons,
          warnings,
        });
        if (plan === undefined) return;
        claimId(plan.id, planLabel);
        if (planNames.has(plan.name)) reasons.push(`${serviceLabel} has two plans named '${plan.name}'`);
        planNames.add(plan.name);
        plans.push(plan);
      });
    }

    if (id === undefined || name === undefined || description === undefined || typeof bindable !== 'boolean') return;
    services.push({
      id,
      brokerId: context.brokerId,
      name,
      displayName: metadataString(serviceMetadata, 'displayName') ?? name,
      description,
      longDescription: metadataString(serviceMetadata, 'longDescription'),
      imageUrl: metadataUrl(serviceMetadata, 'imageUrl', serviceLabel, warnings, true),
      providerDisplayName: metadataString(serviceMetadata, 'providerDisplayName'),
      documentationUrl: metadataUrl(serviceMetadata, 'documentationUrl', serviceLabel, warnings, false),
      supportUrl: metadataUrl(serviceMetadata, 'supportUrl', serviceLabel, warnings, false),
      tags,
      locality: context.locality,
      bindable,
      ...(Array.isArray(rawService['requires']) && rawService['requires'].length > 0
        ? { requires: rawService['requires'].filter((entry): entry is string => typeof entry === 'string') }
        : {}),
      instancesRetrievable: optionalBoolean(rawService, 'instances_retrievable', serviceLabel, warnings) ?? false,
      bindingsRetrievable: optionalBoolean(rawService, 'bindings_retrievable', serviceLabel, warnings) ?? false,
      bindingRotatable: optionalBoolean(rawService, 'binding_rotatable', serviceLabel, warnings) ?? false,
      hasDashboardClient: isJsonObject(rawService['dashboard_client']),
      sensitive: serviceMetadata['sensitive'] === true || tags.includes('sensitive'),
      tenantAware: serviceMetadata['tenantAware'] === true,
      shareable: serviceMetadata['shareable'] === true,
      plans,
    });
  });

  if (reasons.length > 0) return { accepted: false, reasons, warnings };
  return { accepted: true, services, ids: [...ids.keys()], warnings };
}

interface PlanDefaults {
  bindable: boolean;
  planUpdateable: boolean;
  reasons: string[];
  warnings: string[];
}

function mapPlan(rawPlan: Record<string, unknown>, planLabel: string, defaults: PlanDefaults): ServicePlan | undefined {
  const { reasons, warnings } = defaults;
  const id = requiredString(rawPlan, 'id', planLabel, reasons);
  const name = requiredString(rawPlan, 'name', planLabel, reasons);
  const description = requiredString(rawPlan, 'description', planLabel, reasons);
  for (const [key, value] of [
    ['id', id],
    ['name', name],
    ['description', description],
  ] as const) {
    warnIfLong(value, `${planLabel} ${key}`, warnings);
  }
  if (name !== undefined && !CLI_FRIENDLY.test(name)) {
    warnings.push(`${planLabel}: the name is not CLI-friendly (letters, digits, '.' and '-' only)`);
  }
  const maintenanceInfo = rawPlan['maintenance_info'];
  let maintenanceInfoVersion: string | undefined;
  let maintenanceInfoDescription: string | undefined;
  if (maintenanceInfo !== undefined) {
    const version = isJsonObject(maintenanceInfo) ? maintenanceInfo['version'] : undefined;
    if (typeof version !== 'string' || !SEMVER.test(version)) {
      reasons.push(
        `${planLabel}: maintenance_info.version ${JSON.stringify(version ?? null)} is not a semantic version`,
      );
    } else {
      maintenanceInfoVersion = version;
      const about = isJsonObject(maintenanceInfo) ? maintenanceInfo['description'] : undefined;
      if (typeof about === 'string' && about.trim()) {
        maintenanceInfoDescription = about.slice(0, MAX_MAINTENANCE_DESCRIPTION_LENGTH);
      }
    }
  }
  if (id === undefined || name === undefined || description === undefined) return undefined;

  const metadata = isJsonObject(rawPlan['metadata']) ? rawPlan['metadata'] : {};
  const bindable = optionalBoolean(rawPlan, 'bindable', planLabel, warnings) ?? defaults.bindable;
  return {
    id,
    name,
    displayName: metadataString(metadata, 'displayName') ?? name,
    description,
    free: optionalBoolean(rawPlan, 'free', planLabel, warnings) ?? true,
    bindable,
    planUpdateable: optionalBoolean(rawPlan, 'plan_updateable', planLabel, warnings) ?? defaults.planUpdateable,
    bullets: Array.isArray(metadata['bullets'])
      ? metadata['bullets'].filter((bullet): bullet is string => typeof bullet === 'string')
      : [],
    costs: mapCosts(metadata['costs'], planLabel, warnings),
    expiryDays: positiveInteger(metadata['expiryDays'], `${planLabel}: metadata.expiryDays`, warnings),
    maximumPollingDurationSeconds: positiveInteger(
      rawPlan['maximum_polling_duration'],
      `${planLabel}: maximum_polling_duration`,
      warnings,
    ),
    maintenanceInfoVersion,
    maintenanceInfoDescription,
    schemas: mapSchemas(rawPlan['schemas'], bindable, planLabel, warnings),
  };
}

function mapCosts(rawCosts: unknown, planLabel: string, warnings: string[]): PlanCost[] {
  if (rawCosts === undefined) return [];
  if (!Array.isArray(rawCosts)) {
    warnings.push(`${planLabel}: metadata.costs is not a list and was ignored`);
    return [];
  }
  const costs: PlanCost[] = [];
  rawCosts.forEach((rawCost, index) => {
    const amount: Record<string, number> = {};
    if (isJsonObject(rawCost) && isJsonObject(rawCost['amount'])) {
      for (const [currency, value] of Object.entries(rawCost['amount'])) {
        if (typeof value === 'number' && Number.isFinite(value)) amount[currency.toLowerCase()] = value;
      }
    }
    const unit = isJsonObject(rawCost) ? rawCost['unit'] : undefined;
    if (typeof unit !== 'string' || unit.trim() === '' || Object.keys(amount).length === 0) {
      warnings.push(`${planLabel}: cost #${index + 1} lacks an amount or a unit and was ignored`);
      return;
    }
    costs.push({ amount, unit });
  });
  return costs;
}

function mapSchemas(rawSchemas: unknown, bindable: boolean, planLabel: string, warnings: string[]): PlanSchemas {
  if (!isJsonObject(rawSchemas)) return {};
  const pick = (path: string[], schemaLabel: string) => {
    let node: unknown = rawSchemas;
    for (const key of path) node = isJsonObject(node) ? node[key] : undefined;
    if (node === undefined) return undefined;
    if (!isJsonObject(node)) {
      warnings.push(`${planLabel}: the ${schemaLabel} schema is not an object and was ignored`);
      return undefined;
    }
    const oversize = oversizeReason(node, SCHEMA_BUDGET);
    if (oversize !== undefined) {
      warnings.push(`${planLabel}: the ${schemaLabel} schema was ignored: ${oversize}`);
      return undefined;
    }
    const size = Buffer.byteLength(JSON.stringify(node));
    if (size > MAX_SCHEMA_BYTES) {
      warnings.push(`${planLabel}: the ${schemaLabel} schema is larger than 64 kB and was ignored`);
      return undefined;
    }
    if (hasExternalRef(node)) {
      warnings.push(`${planLabel}: the ${schemaLabel} schema refers to external documents and was ignored`);
      return undefined;
    }
    const unexpandable = referenceExpansionReason(node, SCHEMA_BUDGET.maxNodes);
    if (unexpandable !== undefined) {
      warnings.push(`${planLabel}: the ${schemaLabel} schema was ignored: ${unexpandable}`);
      return undefined;
    }
    if (typeof node['$schema'] !== 'string')
      warnings.push(`${planLabel}: the ${schemaLabel} schema does not declare '$schema'`);
    return node;
  };
  const schemas: PlanSchemas = {};
  const instanceCreate = pick(['service_instance', 'create', 'parameters'], 'instance create');
  const instanceUpdate = pick(['service_instance', 'update', 'parameters'], 'instance update');
  const bindingCreate = bindable ? pick(['service_binding', 'create', 'parameters'], 'binding create') : undefined;
  if (instanceCreate) schemas.instanceCreate = instanceCreate;
  if (instanceUpdate) schemas.instanceUpdate = instanceUpdate;
  if (bindingCreate) schemas.bindingCreate = bindingCreate;
  return schemas;
}

function hasExternalRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasExternalRef);
  if (!isJsonObject(node)) return false;
  return Object.entries(node).some(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? !value.startsWith('#') : hasExternalRef(value),
  );
}

function checkRequires(requires: unknown, serviceLabel: string, reasons: string[]): void {
  if (requires === undefined) return;
  if (!Array.isArray(requires)) {
    reasons.push(`${serviceLabel}: 'requires' is not a list`);
    return;
  }
  for (const entry of requires) {
    if (typeof entry !== 'string' || !ALLOWED_REQUIRES.has(entry)) {
      reasons.push(
        `${serviceLabel} requires ${JSON.stringify(entry)}, which is not one of syslog_drain, route_forwarding, volume_mount`,
      );
    }
  }
}

function requiredString(
  object: Record<string, unknown>,
  key: string,
  owner: string,
  reasons: string[],
): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) reasons.push(`${owner} has no ${key}`);
  else if (typeof value !== 'string') reasons.push(`${owner}: ${key} is not a string`);
  else if (value.trim() === '') reasons.push(`${owner} has an empty ${key}`);
  else return value;
  return undefined;
}

function optionalBoolean(
  object: Record<string, unknown>,
  key: string,
  owner: string,
  warnings: string[],
): boolean | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  warnings.push(`${owner}: '${key}' is not true or false and was ignored`);
  return undefined;
}

function positiveInteger(value: unknown, what: string, warnings: string[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  warnings.push(`${what} is not a positive whole number and was ignored`);
  return undefined;
}

function metadataString(metadata: Record<string, unknown>, key: string): string | undefined {
  const value = metadata[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function metadataUrl(
  metadata: Record<string, unknown>,
  key: string,
  owner: string,
  warnings: string[],
  allowDataImage: boolean,
): string | undefined {
  const value = metadataString(metadata, key);
  if (value === undefined) return undefined;
  if (allowDataImage && /^data:image\/[a-z0-9.+-]+[;,]/i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // Not a URL at all: reported below.
  }
  warnings.push(`${owner}: metadata.${key} is not an http(s) URL and was ignored`);
  return undefined;
}

function warnIfLong(value: string | undefined, what: string, warnings: string[]): void {
  if (value !== undefined && value.length > MAX_RECOMMENDED_LENGTH) {
    warnings.push(`${what} is longer than ${MAX_RECOMMENDED_LENGTH} characters`);
  }
}

function label(name: unknown, index: number): string {
  return typeof name === 'string' && name.trim() !== '' ? `'${name.slice(0, 80)}'` : `#${index + 1}`;
}
