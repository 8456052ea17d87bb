/**
 * Instance sharing (meshMarketplace `shareable` services): the project that owns an instance
 * shares it with other projects of the same workspace. There it is listed read-only; each
 * project creates and deletes only its own bindings. The owner or the target ends a share,
 * which first deletes the target's bindings at the broker.
 */
import type { Project, ServiceBinding } from '@osb/api';
import type { ActivityRecorder, NewActivity } from '../activity/activity-log.ts';
import type { ProjectConfig } from '../config/config.ts';
import { HttpError } from '../plugins/http-error.ts';
import type { InstanceRecord, InstanceRepository } from '../provisioning/instance-repository.ts';
import type { CatalogLookup, SharedFrom, SharedInstanceLookup } from '../provisioning/instance-service.ts';
import type { RequestingUser } from '../osb/requests.ts';
import { DuplicateShareError, type ShareRecord, type ShareRepository } from './share-repository.ts';

/** The bindings a target project holds on a shared instance. */
export interface SharedInstanceBindings {
  /** The target project's bindings of the instance, without credentials. */
  listOfProject(instance: InstanceRecord, projectId: string): Promise<ServiceBinding[]>;
  /** Deletes the target project's bindings of the instance at the broker; throws an `HttpError` while some remain. */
  deleteProjectBindings(instance: InstanceRecord, projectId: string, user: RequestingUser): Promise<void>;
}

/** What the service needs. */
export interface ShareServiceDependencies {
  shares: ShareRepository;
  instances: InstanceRepository;
  catalog: CatalogLookup;
  bindings: SharedInstanceBindings;
  /** Every configured project (targets need not be the user's own projects). */
  projects: ProjectConfig[];
  /** The current time in ms since the epoch. */
  clock(): number;
  /** Where shares and their ends are recorded (in the owner's project). */
  activity: ActivityRecorder;
}

/** A share with the target project's display name. */
export interface ShareView {
  record: ShareRecord;
  targetProjectDisplayName: string;
}

/** Shares instances between projects of a workspace. */
export class ShareService implements SharedInstanceLookup {
  private readonly projects: Map<string, ProjectConfig>;

  /** @param deps repositories, the catalog, the binding service, the projects and the clock */
  constructor(private readonly deps: ShareServiceDependencies) {
    this.projects = new Map(deps.projects.map((project) => [project.id, project]));
  }

  /** The instances shared with `projectId`, each with the project it comes from. */
  async sharedWith(projectId: string): Promise<{ instanceId: string; from: SharedFrom }[]> {
    return (await this.deps.shares.listByTarget(projectId)).map((share) => ({
      instanceId: share.instanceId,
      from: { projectId: share.ownerProjectId, displayName: this.displayName(share.ownerProjectId) },
    }));
  }

  /** Of the given instances, those shared with other projects, each with those projects (oldest share first). */
  async sharedBy(instanceIds: readonly string[]): Promise<Map<string, SharedFrom[]>> {
    const targets = new Map<string, SharedFrom[]>();
    for (const share of await this.deps.shares.listByInstances(instanceIds)) {
      const target = { projectId: share.targetProjectId, displayName: this.displayName(share.targetProjectId) };
      targets.set(share.instanceId, [...(targets.get(share.instanceId) ?? []), target]);
    }
    return targets;
  }

  /** The owner sees every share of its instance; a target project only its own. */
  async list(project: Project, instanceId: string): Promise<ShareView[]> {
    const instance = await this.deps.instances.find(instanceId);
    if (instance?.projectId === project.id)
      return (await this.deps.shares.listByInstance(instanceId)).map((share) => this.view(share));
    const own = instance && (await this.deps.shares.find(instanceId, project.id));
    if (!own) throw new HttpError(404, 'instanceNotFound', {});
    return [this.view(own)];
  }

  /** Shares the project's instance of a shareable service with another project of its workspace. */
  async create(
    user: RequestingUser,
    project: Project,
    instanceId: string,
    targetProjectId: string,
  ): Promise<ShareView> {
    const instance = await this.requireOwnInstance(project, instanceId);
    if (!this.deps.catalog.findService(instance.serviceId, instance.brokerId)?.shareable) {
      throw new HttpError(422, 'sharingNotAllowed', {});
    }
    const { operation } = instance;
    if (operation.state === 'in progress' || (operation.type === 'create' && operation.state === 'failed')) {
      throw new HttpError(409, 'shareNotReady', {});
    }
    if (targetProjectId === project.id) throw new HttpError(422, 'shareWithOwnProject', {});
    const target = this.projects.get(targetProjectId);
    if (!target || target.workspaceId !== project.workspaceId) {
      throw new HttpError(422, 'shareOutsideWorkspace', {});
    }
    const record = { instanceId, targetProjectId, sharedBy: user.id, createdAt: new Date(this.deps.clock()) };
    try {
      await this.deps.shares.insert(record);
    } catch (error) {
      if (error instanceof DuplicateShareError)
        throw new HttpError(409, 'alreadyShared', { project: target.displayName });
      throw error;
    }
    await this.deps.activity.record(shareActivity(instance, 'shared', target, user));
    return this.view({ ...record, ownerProjectId: project.id, endingSince: null });
  }

  /** A share with the target's bindings that ending it deletes (for the confirmation). */
  async details(
    project: Project,
    instanceId: string,
    targetProjectId: string,
  ): Promise<{ share: ShareView; bindingsToRemove: ServiceBinding[] }> {
    const { share, instance } = await this.requireShare(project, instanceId, targetProjectId);
    return {
      share: this.view(share),
      bindingsToRemove: await this.deps.bindings.listOfProject(instance, targetProjectId),
    };
  }

  /**
   * Ends a share (by the owner or the target): marks it as ending, so that the target creates no
   * more bindings on the instance, deletes the target's bindings at the broker, then the share.
   * While the broker still deletes some bindings (409), or could not delete one, the share stays
   * marked as ending; ending it again finishes the job.
   */
  async end(user: RequestingUser, project: Project, instanceId: string, targetProjectId: string): Promise<void> {
    const { instance } = await this.requireShare(project, instanceId, targetProjectId);
    await this.deps.shares.markEnding(instanceId, targetProjectId, new Date(this.deps.clock()));
    await this.deps.bindings.deleteProjectBindings(instance, targetProjectId, user);
    await this.deps.shares.remove(instanceId, targetProjectId);
    const target = this.projects.get(targetProjectId);
    await this.deps.activity.record(
      shareActivity(instance, 'share-ended', { id: targetProjectId, displayName: target?.displayName }, user),
    );
  }

  private async requireOwnInstance(project: Project, instanceId: string): Promise<InstanceRecord> {
    const instance = await this.deps.instances.find(instanceId);
    if (instance?.projectId === project.id) return instance;
    if (instance && (await this.deps.shares.find(instanceId, project.id))) {
      throw new HttpError(403, 'shareOwnerOnly', {});
    }
    throw new HttpError(404, 'instanceNotFound', {});
  }

  /** The share, if `project` is the owner or the target of it; else 404. */
  private async requireShare(
    project: Project,
    instanceId: string,
    targetProjectId: string,
  ): Promise<{ share: ShareRecord; instance: InstanceRecord }> {
    const instance = await this.deps.instances.find(instanceId);
    const share = instance && (await this.deps.shares.find(instanceId, targetProjectId));
    if (!instance || !share || (project.id !== share.ownerProjectId && project.id !== targetProjectId)) {
      throw new HttpError(404, 'shareNotFound', {});
    }
    return { share, instance };
  }

  private view(record: ShareRecord): ShareView {
    return { record, targetProjectDisplayName: this.displayName(record.targetProjectId) };
  }

  private displayName(projectId: string): string {
    return this.projects.get(projectId)?.displayName ?? projectId;
  }
}

/** A share or its end, in the owner's project. */
function shareActivity(
  instance: InstanceRecord,
  kind: 'shared' | 'share-ended',
  target: { id: string; displayName?: string },
  user: RequestingUser,
): NewActivity {
  return {
    projectId: instance.projectId,
    instanceId: instance.id,
    instanceName: instance.name,
    kind,
    outcome: 'succeeded',
    actor: user,
    details: {
      serviceId: instance.serviceId,
      planId: instance.planId,
      targetProjectId: target.id,
      ...(target.displayName !== undefined ? { targetProjectName: target.displayName } : {}),
    },
  };
}
