import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

import { CurrentUser } from '../../api/current-user';
import { Auth } from '../../auth/auth';
import { UI_CONFIG } from '../../config/ui-config';
import { projectIdOf, switchProjectCommands } from '../../projects/project-url';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { AppIconsLoader } from '@app/shared/ui/icons/app-icons-loader';
import { NAVIGATION_ICON_PATHS } from '@app/shared/ui/icons/navigation-icon-paths';
import { ProjectSwitcher } from '../project-switcher/project-switcher';
import { UserMenu } from '../user-menu/user-menu';

/** Screens narrower than this get a collapsible navigation drawer (kept in step with shell.scss). */
const NARROW_SCREEN = '(max-width: 839.98px)';

/** A page of the current project in the navigation. */
interface NavigationLink {
  /** The page's path below the project. */
  page: string;
  /** The icon's SVG path data. */
  icon: string;
  label: string;
}

/** Whether a media query matches, as a signal that follows changes. */
function mediaQuerySignal(query: string) {
  const media = window.matchMedia(query);
  const matches = signal(media.matches);
  media.addEventListener('change', (event) => matches.set(event.matches));
  return matches.asReadonly();
}

/**
 * The app frame: toolbar (product name, project switcher, user menu), the navigation and the
 * main area where the router shows pages. It draws its own few icons inline, so that the first
 * paint needs neither Material's icon registry nor the app's icon set.
 */
@Component({
  selector: 'mp-shell',
  imports: [MatButton, RouterLink, RouterLinkActive, RouterOutlet, EmptyState, ProjectSwitcher, UserMenu],
  templateUrl: './shell.html',
  // Styled by shell.scss, which is part of the global stylesheet.
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closeDrawer()' },
})
export class Shell {
  private readonly router = inject(Router);
  /** The session: sign-in state, user name, sign out. */
  protected readonly auth = inject(Auth);
  /** The user's projects from `/me`. */
  protected readonly currentUser = inject(CurrentUser);
  /** Product name from the runtime configuration. */
  protected readonly productName = inject(UI_CONFIG).theme.productName;
  /** The icon set of the menus and pages, loaded once the user is signed in. */
  protected readonly appIcons = inject(AppIconsLoader);
  /** The frame's own icons. */
  protected readonly icons = NAVIGATION_ICON_PATHS;
  /** The pages of a project in the navigation. */
  protected readonly navigationLinks: readonly NavigationLink[] = [
    { page: 'marketplace', icon: NAVIGATION_ICON_PATHS.store, label: $localize`:@@navMarketplace:Marketplace` },
    { page: 'instances', icon: NAVIGATION_ICON_PATHS.layers, label: $localize`:@@navInstances:Instances` },
    { page: 'costs', icon: NAVIGATION_ICON_PATHS.payments, label: $localize`:@@navCosts:Costs` },
    { page: 'activity', icon: NAVIGATION_ICON_PATHS.history, label: $localize`:@@navActivity:Activity` },
  ];

  /** Whether the screen is narrow (navigation as an overlay drawer). */
  protected readonly narrow = mediaQuerySignal(NARROW_SCREEN);
  /** Whether the navigation drawer is open on a narrow screen. */
  protected readonly drawerOpen = signal(false);
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
  protected readonly navigationProjectId = computed(() => this.projectId() ?? this.currentUser.projects()[0]?.id);
  /** The name to show for the user. */
  protected readonly userName = computed(() => this.currentUser.user()?.displayName ?? this.auth.userName() ?? '');

  constructor() {
    effect(() => {
      if (this.auth.isAuthenticated()) {
        // A failure is shown from `currentUser.error()`.
        this.currentUser.load().catch(() => undefined);
        // For the menus; a failure shows when a page needs the icons.
        this.appIcons.load().catch(() => undefined);
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

  /** Opens or closes the navigation drawer (narrow screens only). */
  protected toggleDrawer(): void {
    this.drawerOpen.update((open) => !open);
  }

  /** Closes the navigation drawer, for example after a link was picked. */
  protected closeDrawer(): void {
    this.drawerOpen.set(false);
  }

  /** Moves keyboard focus past the toolbar and navigation to the page. */
  protected skipToContent(main: HTMLElement): void {
    main.focus();
  }
}
