/**
 * The marketplace listing (`GET /api/catalog`) as it goes over the wire: services reduced to
 * what cards and filters need, serialised, compressed (brotli and gzip) and tagged once per
 * catalog refresh, so that a request costs no more than choosing the bytes to send.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { CatalogResponse, ServiceOffering, ServicePlan, ServicePlanSummary, ServiceSummary } from '@osb/api';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encodings a listing is prepared in, in order of preference. */
export type ListingEncoding = 'br' | 'gzip' | 'identity';

/** The listing serialised once, in every encoding, with its entity tag. */
export interface PreparedListing {
  /** A weak entity tag (the encodings differ in bytes, not in meaning), quoted as HTTP wants it. */
  etag: string;
  bodies: Record<ListingEncoding, Buffer>;
}

/** The listing's view of a service: no long description, links or parameter schemas. */
export function summariseService(service: ServiceOffering): ServiceSummary {
  return {
    id: service.id,
    brokerId: service.brokerId,
    name: service.name,
    displayName: service.displayName,
    description: service.description,
    ...(service.imageUrl !== undefined ? { imageUrl: service.imageUrl } : {}),
    ...(service.providerDisplayName !== undefined ? { providerDisplayName: service.providerDisplayName } : {}),
    tags: service.tags,
    locality: service.locality,
    bindable: service.bindable,
    sensitive: service.sensitive,
    tenantAware: service.tenantAware,
    shareable: service.shareable,
    plans: service.plans.map(summarisePlan),
  };
}

function summarisePlan(plan: ServicePlan): ServicePlanSummary {
  return {
    id: plan.id,
    name: plan.name,
    displayName: plan.displayName,
    free: plan.free,
    bindable: plan.bindable,
    planUpdateable: plan.planUpdateable,
    ...(plan.expiryDays !== undefined ? { expiryDays: plan.expiryDays } : {}),
  };
}

/** Serialises and compresses a listing (off the event loop, in zlib's thread pool). */
export async function prepareListing(listing: CatalogResponse): Promise<PreparedListing> {
  const identity = Buffer.from(JSON.stringify(listing), 'utf8');
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
    gzipAsync(identity, { level: 6 }),
  ]);
  const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  return { etag, bodies: { br, gzip: gz, identity } };
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 asks for it). */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The best encoding of the listing an `Accept-Encoding` header allows: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): ListingEncoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters
      .map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (encoding: string) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}
