import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSelectModule } from '@angular/material/select';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

import { PortalSession } from './portal-session';

/** The portal's frame: its header with the project selector, its navigation, and the page. */
@Component({
  selector: 'portal-root',
  imports: [MatButtonModule, MatSelectModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <header>
      <mat-toolbar class="portal-header">
        <span class="portal-logo" aria-hidden="true">◆</span>
        <span class="portal-name">meshPanel Demo</span>
        <mat-select
          class="portal-project"
          aria-label="Project"
          [value]="session.projectId()"
          (valueChange)="session.chooseProject($event)"
        >
          @for (project of session.projects(); track project.id) {
            <mat-option [value]="project.id">{{ project.workspaceDisplayName }} / {{ project.displayName }}</mat-option>
          }
        </mat-select>
        <span class="portal-spacer"></span>
        <span class="portal-user">{{ session.userName() }}</span>
        <button mat-button type="button" (click)="session.signOut()">Sign out</button>
      </mat-toolbar>
    </header>
    <div class="portal-body">
      <nav class="portal-nav" aria-label="Portal">
        <a routerLink="/overview" routerLinkActive="portal-nav__active" ariaCurrentWhenActive="page">Overview</a>
        <a
          routerLink="/marketplace"
          [class.portal-nav__active]="inMarketplace()"
          [attr.aria-current]="inMarketplace() ? 'page' : null"
          >Marketplace</a
        >
        <a routerLink="/marketplace/instances" routerLinkActive="portal-nav__active" ariaCurrentWhenActive="page"
          >Service instances</a
        >
        <a routerLink="/access" routerLinkActive="portal-nav__active" ariaCurrentWhenActive="page">Access control</a>
      </nav>
      <main class="portal-main"><router-outlet /></main>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100dvh;
    }
    .portal-header {
      gap: 16px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .portal-logo {
      font-size: 28px;
    }
    .portal-name {
      font: var(--mat-sys-title-large);
    }
    .portal-project {
      width: 280px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    .portal-spacer {
      flex: 1;
    }
    .portal-user {
      font: var(--mat-sys-body-large);
    }
    .portal-header button {
      color: var(--mat-sys-on-primary);
    }
    .portal-body {
      display: flex;
      flex: 1;
    }
    .portal-nav {
      display: flex;
      flex-direction: column;
      width: 200px;
      flex: none;
      padding: 16px 8px;
      background: var(--mat-sys-surface-container);
      a {
        padding: 12px 16px;
        border-radius: 24px;
        color: var(--mat-sys-on-surface);
        text-decoration: none;
        font: var(--mat-sys-label-large);
      }
      a.portal-nav__active {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .portal-main {
      flex: 1;
      min-width: 0;
      padding: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Portal {
  protected readonly session = inject(PortalSession);
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  /** Whether a marketplace page other than the instances (which have their own entry) is shown. */
  protected readonly inMarketplace = computed(() => {
    const [section, page] = (this.url().split(/[?#]/)[0] ?? '').split('/').slice(1);
    return section === 'marketplace' && page !== 'instances';
  });
}
