// expect: @softarc/sheriff/dependency-rule, no-restricted-imports
// The UI reaches the platform over HTTP only; the shared contract is @osb/api.
import { buildApp } from '../../server/src/app.ts';

export const uses = buildApp;
