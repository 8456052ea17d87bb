// expect: no-restricted-imports
// The platform never imports the UI.
import { routes } from '../../src/app/app.routes';

export const uses = routes;
