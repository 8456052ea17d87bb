import type { Project } from '@osb/api';
import type { MarketplaceConfig } from '../config/config.ts';
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
    if (!entry || !isMember(entry, member)) throw new HttpError(404, 'Project not found.');
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
