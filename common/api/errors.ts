/**
 * Error bodies of the platform API.
 */
import Type, { type Static } from 'typebox';

/** Error body of every non-2xx answer of the platform API. */
export const ErrorBody = Type.Object({
  message: Type.String({ description: 'A message fit to show to the user.' }),
});
export type ErrorBody = Static<typeof ErrorBody>;
