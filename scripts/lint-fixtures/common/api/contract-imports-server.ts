// expect: @softarc/sheriff/dependency-rule
// The API contract depends on nothing of the platform.
import { buildApp } from '../../server/src/app.ts';

export const uses = buildApp;
