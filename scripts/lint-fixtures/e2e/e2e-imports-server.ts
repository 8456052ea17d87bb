// expect: @softarc/sheriff/dependency-rule, no-restricted-imports
// The end-to-end tests drive the platform over HTTP, never through its sources.
import { buildApp } from '../server/src/app.ts';

export const uses = buildApp;
