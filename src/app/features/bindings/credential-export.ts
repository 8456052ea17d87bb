/**
 * Turning a binding's credentials (untrusted broker data) into text: one field for display and
 * copying, the whole set as JSON or as a `.env` file.
 */

/** Credentials as a broker returns them. */
export type Credentials = Readonly<Record<string, unknown>>;

/** One credential field as text. */
export interface CredentialField {
  /** The broker's key. */
  readonly key: string;
  /** The value as text: strings as they are, anything else as JSON. */
  readonly value: string;
}

/** The credential fields in the broker's order, each value as text. */
export function credentialFields(credentials: Credentials): CredentialField[] {
  return Object.entries(credentials).map(([key, value]) => ({ key, value: credentialText(value) }));
}

/** A credential value as text: strings as they are, anything else as compact JSON. */
function credentialText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** The credentials as pretty-printed JSON. */
export function credentialsJson(credentials: Credentials): string {
  return `${JSON.stringify(credentials, null, 2)}\n`;
}

/**
 * The credentials as a `.env` file: one `NAME="value"` line per field. Names become upper-case
 * letters, digits and underscores (never starting with a digit, unique); values are always
 * double-quoted with `\`, `"`, `$` and backticks escaped and line breaks written as `\n`/`\r`,
 * so no value can end its line, start another variable or be expanded by a shell or dotenv.
 */
export function credentialsDotEnv(credentials: Credentials): string {
  const used = new Set<string>();
  const lines = credentialFields(credentials).map(({ key, value }) => {
    const name = uniqueName(envName(key), used);
    return `${name}="${escapeEnvValue(value)}"`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A broker key as an environment variable name. */
function envName(key: string): string {
  const name = key
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (name === '') {
    return 'CREDENTIAL';
  }
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) {
    candidate = `${name}_${n}`;
  }
  used.add(candidate);
  return candidate;
}

function escapeEnvValue(value: string): string {
  return value.replace(/[\\"$`\n\r]/g, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      default:
        return `\\${char}`;
    }
  });
}

/** A file name part made from a binding's name: letters, digits, dots, dashes and underscores only. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return cleaned || 'binding';
}
