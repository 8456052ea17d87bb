/** z-schema's recursive validation step, which its custom validators use to check subschemas. */
declare module 'z-schema/src/JsonValidation.js' {
  /** Validates `json` against `schema`, adding errors to `report`; `this` is the ZSchema instance. */
  export function validate(this: unknown, report: unknown, schema: unknown, json: unknown): boolean;
}
