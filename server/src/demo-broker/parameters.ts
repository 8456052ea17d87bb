/**
 * The demo broker's check of request parameters against its catalog's schemas, the way a real
 * broker checks what a platform sends.
 */
import { isJsonObject } from '@osb/json-schema';
import type { ParameterValidator } from '../osb/parameter-validator.ts';
import type { JsonSchema } from './services.ts';

/** Why `parameters` do not match `schema` (a sentence for the platform's user), or undefined if they do. */
export function parameterProblems(
  validator: ParameterValidator,
  schema: JsonSchema | undefined,
  parameters: unknown,
): string | undefined {
  if (parameters !== undefined && !isJsonObject(parameters)) return 'parameters must be a JSON object.';
  const errors = validator.errors(schema, parameters ?? {});
  return errors && `Invalid parameters: ${errors.join('; ')}.`;
}
