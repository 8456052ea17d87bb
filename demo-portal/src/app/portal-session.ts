import { Location } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { OAuthService } from 'angular-oauth2-oidc';

import { PORTAL_SETTINGS } from './portal-settings';

/** A project the portal's user can choose. */
export interface PortalProject {
  id: string;
  displayName: string;
  workspaceDisplayName: string;
}

/** Session storage key of the chosen project. */
const PROJECT_KEY = 'demo-portal.project';

/**
 * The portal's own sign-in (angular-oauth2-oidc, authorization code with PKCE, as its own client)
 * and the project the user is looking at. The access token is handed to the marketplace element.
 */
@Injectable({ providedIn: 'root' })
export class PortalSession {
  private readonly oauth = inject(OAuthService);
  private readonly settings = inject(PORTAL_SETTINGS);
  private readonly location = inject(Location);

  private readonly projectList = signal<readonly PortalProject[]>([]);
  private readonly chosenProject = signal<string | null>(sessionStorage.getItem(PROJECT_KEY));
  private readonly claims = signal<Record<string, unknown> | null>(null);

  /** The projects the user may choose. */
  readonly projects = this.projectList.asReadonly();
  /** The chosen project's id (the first project until the user chooses). */
  readonly projectId = computed(() => {
    const chosen = this.chosenProject();
    const projects = this.projectList();
    return projects.find((project) => project.id === chosen)?.id ?? projects[0]?.id ?? null;
  });
  /** The signed-in user's name. */
  readonly userName = computed(() => String(this.claims()?.['name'] ?? this.claims()?.['sub'] ?? ''));

  /** Signs in (redirecting to the provider when needed) and loads the user's projects. */
  async start(): Promise<void> {
    const origin = window.location.origin;
    this.oauth.configure({
      issuer: this.settings.issuer,
      clientId: this.settings.clientId,
      scope: this.settings.scope,
      responseType: 'code',
      redirectUri: `${origin}/portal/`,
      postLogoutRedirectUri: `${origin}/portal/`,
      requireHttps: 'remoteOnly',
      sessionChecksEnabled: false,
    });
    await this.oauth.loadDiscoveryDocumentAndTryLogin();
    if (!this.oauth.hasValidAccessToken()) {
      this.oauth.initCodeFlow(this.location.path(true) || '/');
      await new Promise(() => undefined); // the page is leaving for the provider
    }
    const target = this.oauth.state ? decodeURIComponent(this.oauth.state) : '';
    if (target.startsWith('/') && !target.startsWith('//')) {
      this.location.replaceState(target);
    }
    this.claims.set(this.oauth.getIdentityClaims());
    await this.loadProjects();
  }

  /** The current access token, for the marketplace element. */
  readonly accessToken = async (): Promise<string> => this.oauth.getAccessToken();

  /** Chooses the project to look at. */
  chooseProject(projectId: string): void {
    sessionStorage.setItem(PROJECT_KEY, projectId);
    this.chosenProject.set(projectId);
  }

  /** Signs out at the provider. */
  signOut(): void {
    this.oauth.logOut();
  }

  /** The demo portal has no project system of its own: it lists the user's projects of the platform. */
  private async loadProjects(): Promise<void> {
    const response = await fetch('/api/me', { headers: { Authorization: `Bearer ${this.oauth.getAccessToken()}` } });
    if (response.ok) {
      const me = (await response.json()) as { projects: PortalProject[] };
      this.projectList.set(me.projects);
    }
  }
}
