import type { Project } from '@osb/api';
import type { FastifyInstance } from 'fastify';
import type { MarketplaceConfig, UserConfig } from '../config/config.ts';
import type { RequestingUser } from '../osb/requests.ts';
import { HttpError } from '../plugins/http-error.ts';

/**
 * Who asks for projects: a user id, and the project ids of the user's token when the
 * configuration takes project membership from a token claim (`auth.projectsClaim`).
 */
export interface ProjectMember {
  id: string;
  /** Project ids from the token's claim; when present they decide membership instead of the YAML member lists. */
  projectIds?: readonly string[];
}

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

  /** The projects `member` belongs to. */
  projectsOf(member: ProjectMember): Project[] {
    return this.projects.filter((entry) => isMember(entry, member)).map((entry) => entry.project);
  }

  /** The project, if `member` belongs to it; otherwise a 404, so other projects stay invisible. */
  requireProject(member: ProjectMember, projectId: string): Project {
    const entry = this.projects.find((candidate) => candidate.project.id === projectId);
    if (!entry || !isMember(entry, member)) throw new HttpError(404, 'projectNotFound', {});
    return entry.project;
  }

  /** Whether `member` belongs to the project `projectId`. */
  isMember(member: ProjectMember, projectId: string): boolean {
    const entry = this.projects.find((candidate) => candidate.project.id === projectId);
    return entry !== undefined && isMember(entry, member);
  }
}

function isMember(entry: { members: Set<string>; project: Project }, member: ProjectMember): boolean {
  return member.projectIds ? member.projectIds.includes(entry.project.id) : entry.members.has(member.id);
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
export function registerProjectAccess(
  app: FastifyInstance,
  options: { projects: ProjectAccess; users: UserConfig[] },
): void {
  const euids = new Map(options.users.map((user) => [user.id, user.euid]));
  app.decorateRequest('project', null as unknown as Project);
  app.decorateRequest('requester', null as unknown as RequestingUser);
  app.addHook('preHandler', async (request) => {
    const projectId = (request.params as { projectId?: unknown } | undefined)?.projectId;
    if (typeof projectId !== 'string' || !request.user) return;
    request.project = options.projects.requireProject(request.user, projectId);
    const euid = euids.get(request.user.id);
    request.requester = { id: request.user.id, displayName: request.user.displayName, ...(euid ? { euid } : {}) };
  });
}
