import { AtomicProperty, PROPERTY_TYPE_MAPPING, type ISchema } from 'ngx-schema-form';
import { NORMALIZED_WIDGETS } from '@osb/json-schema';

/**
 * A form property that holds any JSON value as a whole, for the JSON, key/value and variants widgets:
 * ngx-schema-form's own object and array properties only hold the fields their schema names,
 * and it has no property at all for a field without `type`.
 */
class FreeValueProperty extends AtomicProperty {
  /** No value until the person enters one. */
  fallbackValue(): null {
    return null;
  }
}

const FREE_VALUE_WIDGETS = new Set<string>([
  NORMALIZED_WIDGETS.json,
  NORMALIZED_WIDGETS.keyValue,
  NORMALIZED_WIDGETS.variants,
]);
let installed = false;

/**
 * Teaches ngx-schema-form's property factory (through its exported type mapping) to create a
 * {@link FreeValueProperty} for objects and lists edited as JSON or key/value rows, and for fields
 * without a type. Idempotent; called by the parameters form before it renders.
 */
export function installFreeValueProperties(): void {
  if (installed) {
    return;
  }
  installed = true;
  const mapping = PROPERTY_TYPE_MAPPING as Record<string, (...args: unknown[]) => unknown>;
  const isFreeValue = (schema: unknown) => FREE_VALUE_WIDGETS.has((schema as ISchema)?.widget?.id);
  for (const type of ['object', 'array']) {
    const createGroup = mapping[type];
    // (schemaValidatorFactory, validatorRegistry, expressionCompilerFactory, schema, parent, path, formPropertyFactory, logger)
    mapping[type] = (...args: unknown[]) =>
      isFreeValue(args[3]) ? createFreeValue(...args.slice(0, 6), args[7]) : createGroup(...args);
  }
  // A schema without `type` is looked up under the key "undefined".
  mapping[String(undefined)] = (...args: unknown[]) => createFreeValue(...args);
}

function createFreeValue(...args: unknown[]): FreeValueProperty {
  const [schemaValidatorFactory, validatorRegistry, expressionCompilerFactory, schema, parent, path, logger] = args;
  return new (FreeValueProperty as unknown as new (...parameters: unknown[]) => FreeValueProperty)(
    schemaValidatorFactory,
    validatorRegistry,
    expressionCompilerFactory,
    schema,
    parent,
    path,
    logger,
  );
}
