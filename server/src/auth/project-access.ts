import type { Project } from '@osb/api';
import type { FastifyInstance } from 'fastify';
import type { MarketplaceConfig, UserConfig } from '../config/config.ts';
import type { RequestingUser } from '../osb/requests.ts';
import { HttpError } from '../plugins/http-error.ts';

/** Which projects a user may see: exactly those they are a member of. */
export class ProjectAccess {
  private readonly projects: { members: Set<string>; project: Project }[];

  /** @param config the configured workspaces and projects */
  constructor(config: Pick<MarketplaceConfig, 'projects' | 'workspaces'>) {
    const workspaces = new Map(config.workspaces.map((workspace) => [workspace.id, workspace]));
    this.projects = config.projects.map((project) => ({
      members: new Set(project.members),
      project: {
        id: project.id,
        displayName: project.displayName,
        workspaceId: project.workspaceId,
        workspaceDisplayName: workspaces.get(project.workspaceId)?.displayName ?? project.workspaceId,
        tenants: project.tenants.map((tenant) => ({ ...tenant })),
      },
    }));
  }

  /** The projects `userId` is a member of. */
  projectsOf(userId: string): Project[] {
    return this.projects.filter((entry) => entry.members.has(userId)).map((entry) => entry.project);
  }

  /** The project, if `userId` is a member; otherwise a 404, so other projects stay invisible. */
  requireProject(userId: string, projectId: string): Project {
    const entry = this.projects.find((candidate) => candidate.project.id === projectId);
    if (!entry || !entry.members.has(userId)) throw new HttpError(404, 'projectNotFound', {});
    return entry.project;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The project named by the route's `:projectId`, once the user's membership is checked. */
    project: Project;
    /** The signed-in user as brokers learn of them (originating identity). */
    requester: RequestingUser;
  }
}

/**
 * Adds the project-access check to every route with a `:projectId` parameter: before the
 * handler runs, the user's membership is checked (404 otherwise, so other projects stay
 * invisible) and the project is put on `request.project`, the user on `request.requester`.
 */
export function registerProjectAccess(app: FastifyInstance, options: { projects: ProjectAccess; users: UserConfig[] }): void {
  const euids = new Map(options.users.map((user) => [user.id, user.euid]));
  app.decorateRequest('project', null as unknown as Project);
  app.decorateRequest('requester', null as unknown as RequestingUser);
  app.addHook('preHandler', async (request) => {
    const projectId = (request.params as { projectId?: unknown } | undefined)?.projectId;
    if (typeof projectId !== 'string' || !request.user) return;
    request.project = options.projects.requireProject(request.user.id, projectId);
    const euid = euids.get(request.user.id);
    request.requester = { id: request.user.id, ...(euid ? { euid } : {}) };
  });
}
