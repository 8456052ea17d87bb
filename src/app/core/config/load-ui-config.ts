import type { UiConfig } from '@osb/api';

/**
 * Fetches `config.json` relative to the document's base URL and checks its shape.
 * Rejects with a message fit to show to the user when the file is missing or malformed.
 */
export async function loadUiConfig(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<UiConfig> {
  const url = new URL('config.json', baseUrl);
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache', headers: { Accept: 'application/json' } });
  } catch {
    throw new Error($localize`:@@configUnreachable:The marketplace could not reach its server.`);
  }
  if (!response.ok) {
    throw new Error(
      $localize`:@@configHttpError:The marketplace configuration could not be loaded (HTTP ${response.status}:status:).`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error($localize`:@@configNotJson:The marketplace configuration is not valid JSON.`);
  }
  return parseUiConfig(body);
}

/** Checks that a parsed `config.json` holds every required setting; throws when one is missing. */
function parseUiConfig(value: unknown): UiConfig {
  const config = value as Partial<UiConfig> | null;
  const valid =
    isString(config?.apiBaseUrl) &&
    isString(config?.oidc?.issuer) &&
    isString(config?.oidc?.clientId) &&
    isString(config?.oidc?.scope) &&
    isString(config?.theme?.productName);
  if (!valid) {
    throw new Error($localize`:@@configInvalid:The marketplace configuration is incomplete.`);
  }
  return config as UiConfig;
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
