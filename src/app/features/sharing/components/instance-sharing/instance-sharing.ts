import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';

import type { ServiceInstance, ServiceInstanceShare, ServiceOffering } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import type { InstanceRef } from '@app/core/api/api-types';
import { confirmThenAct } from '@app/core/api/confirm-then-act';
import { CurrentUser } from '@app/core/api/current-user';
import { TimeAgo } from '@app/shared/ui/date-time/time-ago';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { SharingApi } from '../../sharing-api';
import { confirmEndShare } from '../end-share-dialog/end-share-dialog';
import { reloadAfterChange } from '@app/core/api/reload-after-change';

/**
 * Sharing of a service instance. In the owner project (for a `shareable` service): the projects
 * it is shared with, sharing with another project of the same workspace, and ending a share. In
 * a project the instance is shared with: where it comes from, that it is read-only there, and
 * ending the share for this project. Ending a share always asks first, listing the bindings it
 * deletes.
 */
@Component({
  selector: 'mp-instance-sharing',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, LoadStatus, TimeAgo],
  templateUrl: './instance-sharing.html',
  styleUrl: './instance-sharing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-instance-sharing' },
})
export class InstanceSharing {
  private readonly api = inject(SharingApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly currentUser = inject(CurrentUser);

  /** The project looking at the instance. */
  readonly projectId = input.required<string>();
  /** The instance. */
  readonly instance = input.required<ServiceInstance>();
  /** The instance's service, once the catalog is loaded. */
  readonly service = input<ServiceOffering | undefined>(undefined);

  /** Which instance the requests are about. */
  private readonly ref = computed<InstanceRef>(
    () => ({ projectId: this.projectId(), instanceId: this.instance().id }),
    {
      equal: (a, b) => a.projectId === b.projectId && a.instanceId === b.instanceId,
    },
  );
  /** Where a shared-in instance comes from; undefined in the owner project. */
  protected readonly sharedFrom = computed(() => this.instance().sharedFrom);
  /** Whether this section shows anything: a shared-in instance, or an owned one of a shareable service. */
  protected readonly visible = computed(() => !!this.sharedFrom() || !!this.service()?.shareable);
  /** The shares as this project sees them (all as owner, its own as target). */
  protected readonly shares = this.api.sharesResource(() => (this.visible() ? this.ref() : undefined));
  /** The shares once loaded. */
  protected readonly list = computed(() => (this.shares.hasValue() ? this.shares.value() : undefined));
  /** Why the shares could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.shares.error();
    return error ? apiErrorMessage(error) : null;
  });
  /** The other projects of the owner's workspace the user belongs to and the instance is not shared with yet. */
  protected readonly candidates = computed(() => {
    const owner = this.currentUser.project(this.projectId());
    const shared = new Set((this.list() ?? []).map((share) => share.targetProjectId));
    return this.currentUser
      .projects()
      .filter(
        (project) =>
          owner && project.workspaceId === owner.workspaceId && project.id !== owner.id && !shared.has(project.id),
      );
  });
  /** Whether the instance may be shared now. */
  protected readonly canShare = computed(() => {
    const operation = this.instance().lastOperation;
    return this.instance().usable && operation.state === 'succeeded' && operation.type !== 'delete';
  });
  /** The project picked to share with. */
  protected readonly target = signal<string | undefined>(undefined);
  /** Whether a request is on its way. */
  protected readonly busy = signal(false);
  /** The last action's failure. */
  protected readonly actionError = signal<string | null>(null);
  /** What happened last, announced politely. */
  protected readonly announcement = signal('');

  /** Shares the instance with the picked project. */
  protected share(): void {
    const targetProjectId = this.target();
    if (!targetProjectId || this.busy()) {
      return;
    }
    this.busy.set(true);
    this.actionError.set(null);
    this.api.share(this.ref(), targetProjectId).subscribe({
      next: (share) => {
        this.busy.set(false);
        this.target.set(undefined);
        this.announcement.set(
          $localize`:@@sharedAnnouncement:The instance is now shared with ${share.targetProjectDisplayName}:project:.`,
        );
        reloadAfterChange(this.shares, this.injector);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set($localize`:@@shareFailed:The instance was not shared: ${apiErrorMessage(error)}:message:`);
      },
    });
  }

  /** Asks for confirmation (listing the bindings it deletes), then ends the share. */
  protected endShare(share: ServiceInstanceShare): void {
    confirmThenAct({
      confirm: confirmEndShare(this.dialog, {
        ref: this.ref(),
        instanceName: this.instance().name,
        targetProjectId: share.targetProjectId,
        targetProjectName: share.targetProjectDisplayName,
      }),
      start: () => {
        this.busy.set(true);
        this.actionError.set(null);
      },
      act: () => this.api.end(this.ref(), share.targetProjectId),
      settled: () => this.busy.set(false),
      done: () => {
        if (this.sharedFrom()) {
          void this.router.navigate(['/projects', this.projectId(), 'instances']);
        } else {
          this.announcement.set(
            $localize`:@@shareEndedAnnouncement:The instance is no longer shared with ${share.targetProjectDisplayName}:project:.`,
          );
          reloadAfterChange(this.shares, this.injector);
        }
      },
      failed: (message) => {
        this.actionError.set($localize`:@@endShareFailed:The share was not ended: ${message}:message:`);
        reloadAfterChange(this.shares, this.injector);
      },
    });
  }

  /** Loads the shares again after an error. */
  protected reload(): void {
    this.shares.reload();
  }
}
