import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

import type { Project } from '@osb/api';

/** Projects of one workspace, for an option group. */
interface WorkspaceGroup {
  readonly id: string;
  readonly displayName: string;
  readonly projects: readonly Project[];
}

/** Picks one of the user's projects; the options are grouped by workspace. */
@Component({
  selector: 'mp-project-switcher',
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="mp-project-switcher__field">
      <mat-label i18n="project switcher@@projectSwitcherLabel">Project</mat-label>
      <mat-select [value]="projectId()" (selectionChange)="projectSelected.emit($event.value)" panelWidth="">
        @for (workspace of workspaces(); track workspace.id) {
          <mat-optgroup [label]="workspace.displayName">
            @for (project of workspace.projects; track project.id) {
              <mat-option [value]="project.id">{{ project.displayName }}</mat-option>
            }
          </mat-optgroup>
        }
      </mat-select>
    </mat-form-field>
  `,
  styleUrl: './project-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectSwitcher {
  /** The user's projects. */
  readonly projects = input.required<readonly Project[]>();
  /** Id of the project shown now, if any. */
  readonly projectId = input<string | undefined>();
  /** Emits the id of the project the user picked. */
  readonly projectSelected = output<string>();

  /** The projects grouped by workspace, in the order they first appear. */
  protected readonly workspaces = computed(() => {
    const groups = new Map<string, WorkspaceGroup & { projects: Project[] }>();
    for (const project of this.projects()) {
      const group = groups.get(project.workspaceId) ?? {
        id: project.workspaceId,
        displayName: project.workspaceDisplayName,
        projects: [],
      };
      group.projects.push(project);
      groups.set(project.workspaceId, group);
    }
    return [...groups.values()] as readonly WorkspaceGroup[];
  });
}
