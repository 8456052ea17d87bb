/**
 * The platform API's public contract: TypeBox schemas for every request and response body,
 * one file per area.
 *
 * The server validates with these schemas and generates `/api/openapi.json` from them; the UI
 * and the end-to-end tests import the derived types (`import type … from '@osb/api'`), so both
 * halves always agree on the wire format.
 */
export * from './errors.js';
export * from './catalog.js';
export * from './projects.js';
export * from './platform.js';
export * from './service-instances.js';
export * from './bindings.js';
export * from './sharing.js';
export * from './changes.js';
export * from './costs.js';
export * from './activity.js';
