// expect: @softarc/sheriff/dependency-rule
// shared/ holds presentational parts that know nothing of the app's services.
import { apiUrl } from '../../core/api/api-url';

export const uses = apiUrl;
