/**
 * The path parameters and error answers the routes under `/api/projects/:projectId` share, so
 * that every route names a project, an instance and their errors the same way.
 */
import Type from 'typebox';
import { ErrorBody } from '@osb/api';

/** `:projectId`. */
export const ProjectParams = Type.Object({ projectId: Type.String({ minLength: 1 }) });

/** `:projectId` and `:instanceId`. */
export const InstanceParams = Type.Object({
  projectId: Type.String({ minLength: 1 }),
  instanceId: Type.String({ minLength: 1 }),
});

/** The error answers of routes on a project's instances, bindings and shares (all an `ErrorBody`). */
export const projectErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  502: ErrorBody,
  503: ErrorBody,
};
