/**
 * Secret instance parameters (`writeOnly`, `format: password`, or a secret-looking name such as
 * password, token or key): stored sealed with the credentials cipher, never returned by the API.
 * A sealed value is kept in place as `{"$sealed": "<ciphertext>"}`, bound to its instance and
 * JSON pointer, so that no row holds a secret in clear text and a sealed value cannot be moved.
 */
import { isJsonObject, normalizeParameterSchema, secretPaths, valueAtPointer, withValuesAt } from '@osb/json-schema';
import type { CredentialCipher } from '../bindings/credential-cipher.ts';

/** The key under which a sealed secret is stored. */
const SEALED = '$sealed';

/** Seals secret parameters for storage. */
export class ParameterSecrets {
  constructor(private readonly cipher: CredentialCipher) {}

  /**
   * Parameters as stored: every secret value sealed. `schemas` are the plan's broker schemas that
   * may describe the parameters (create, update); a value any of them marks secret is sealed, as
   * is every value under a secret-looking name. Values sealed before stay as they are.
   */
  seal(instanceId: string, parameters: Record<string, unknown>, schemas: readonly unknown[]): Record<string, unknown> {
    const pointers = new Set(secretPaths(parameters));
    for (const schema of schemas) {
      const normalized = schema === undefined ? undefined : normalizeParameterSchema(schema);
      if (normalized?.ok) secretPaths(parameters, normalized.schema).forEach((pointer) => pointers.add(pointer));
    }
    const sealed = [...pointers].map((pointer) => [
      pointer,
      { [SEALED]: this.cipher.encrypt({ value: valueAtPointer(parameters, pointer) }, `${instanceId}${pointer}`) },
    ]);
    return withValuesAt(parameters, Object.fromEntries(sealed));
  }
}

/** What the API shows of stored parameters: the values without the sealed secrets, and where secrets are set. */
export function visibleParameters(parameters: Record<string, unknown>): {
  parameters: Record<string, unknown>;
  secretParameters: string[];
} {
  const secretParameters: string[] = [];
  return { parameters: withoutSealed(parameters, '', secretParameters) as Record<string, unknown>, secretParameters };
}

/** `value` (at JSON pointer `pointer`) without its sealed secrets, whose pointers go to `secretPointers`. */
function withoutSealed(value: unknown, pointer: string, secretPointers: string[]): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => withoutSealed(item, `${pointer}/${index}`, secretPointers));
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (isSealed(child)) secretPointers.push(childPointer);
    else out[key] = withoutSealed(child, childPointer, secretPointers);
  }
  return out;
}

/** Whether a stored value is a sealed secret (`{"$sealed": "<ciphertext>"}`). */
export function isSealed(value: unknown): boolean {
  return isJsonObject(value) && typeof value[SEALED] === 'string' && Object.keys(value).length === 1;
}
