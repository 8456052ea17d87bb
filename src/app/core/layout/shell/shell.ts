import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

import { CurrentUser } from '../../api/current-user';
import { Auth } from '../../auth/auth';
import { UI_CONFIG } from '../../config/ui-config';
import { projectIdOf, switchProjectCommands } from '../../projects/project-url';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ProjectSwitcher } from '../project-switcher/project-switcher';
import { UserMenu } from '../user-menu/user-menu';

/** Screens narrower than this get a collapsible navigation drawer. */
const NARROW_SCREEN = '(max-width: 839.98px)';

/**
 * The app frame: toolbar (product name, project switcher, user menu), the navigation and the
 * main area where the router shows pages.
 */
@Component({
  selector: 'mp-shell',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    EmptyState,
    ProjectSwitcher,
    UserMenu,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly router = inject(Router);
  /** The session: sign-in state, user name, sign out. */
  protected readonly auth = inject(Auth);
  /** The user's projects from `/me`. */
  protected readonly currentUser = inject(CurrentUser);
  /** Product name from the runtime configuration. */
  protected readonly productName = inject(UI_CONFIG).theme.productName;

  private readonly drawer = viewChild(MatSidenav);

  /** Whether the screen is narrow (navigation as an overlay drawer). */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver).observe(NARROW_SCREEN).pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Whether the router is loading a page. */
  protected readonly navigating = computed(() => this.router.currentNavigation() !== null);
  /** Id of the project whose page is shown, if any. */
  protected readonly projectId = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => projectIdOf(this.router.routerState.snapshot.root)),
    ),
  );
  /** The project the navigation links lead into: the current one, else the user's first. */
  protected readonly navigationProjectId = computed(
    () => this.projectId() ?? this.currentUser.projects()[0]?.id,
  );
  /** The name to show for the user. */
  protected readonly userName = computed(
    () => this.currentUser.user()?.displayName ?? this.auth.userName() ?? '',
  );

  constructor() {
    effect(() => {
      if (this.auth.isAuthenticated()) {
        // A failure is shown from `currentUser.error()`.
        this.currentUser.load().catch(() => undefined);
      }
    });
  }

  /** Opens the same kind of page in another project. */
  protected switchProject(projectId: string): void {
    const { commands, queryParams } = switchProjectCommands(this.router.parseUrl(this.router.url), projectId);
    void this.router.navigate(commands, { queryParams });
  }

  /** Tries loading the user's projects again. */
  protected retryLoadingProjects(): void {
    this.currentUser.load().catch(() => undefined);
  }

  /** Closes the navigation drawer after picking a link on narrow screens. */
  protected closeDrawerIfNarrow(): void {
    if (this.narrow()) {
      void this.drawer()?.close();
    }
  }

  /** Moves keyboard focus past the toolbar and navigation to the page. */
  protected skipToContent(main: HTMLElement): void {
    main.focus();
  }
}
