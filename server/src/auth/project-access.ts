import type { Project } from '@osb/api';
import type { MarketplaceConfig } from '../config/config.ts';
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
    if (!entry || !entry.members.has(userId)) throw new HttpError(404, 'Project not found.');
    return entry.project;
  }
}
