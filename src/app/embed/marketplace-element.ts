import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  ViewEncapsulation,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { Location } from '@angular/common';
import { Router, RouterOutlet } from '@angular/router';

import { switchProjectCommands } from '../core/projects/project-url';
import { AccessTokenProvider, EmbedContext, HostEvents, normaliseBasePath } from './embed-context';

/**
 * The `<osb-marketplace>` custom element: the marketplace's pages for one project of the host,
 * without a shell. Its styles live in its shadow root, so the host's CSS does not reach its
 * pages and its own CSS does not reach the host.
 */
@Component({
  selector: 'mp-marketplace-element',
  imports: [RouterOutlet],
  template: `
    <div class="osb-root" #root>
      <div class="osb-page"><router-outlet /></div>
    </div>
  `,
  styleUrl: './marketplace-element.scss',
  encapsulation: ViewEncapsulation.ShadowDom,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.osb-theme-dark]': "theme() === 'dark'", '[attr.lang]': 'lang() || null' },
})
export class MarketplaceElement implements OnDestroy {
  /** The platform API's base URL (default: `/api` at the origin that serves the element). */
  readonly apiUrl = input<string>();
  /** The project to show; changing it switches the element to that project. */
  readonly projectId = input<string>();
  /** The URL path prefix the host gives the element's pages, for example `/portal/marketplace`. */
  readonly basePath = input<string>();
  /** The language: `en` or `de` (read when the element starts). */
  readonly lang = input<string>();
  /** `light` or `dark`. */
  readonly theme = input<string>();
  /** The host's function that returns (a promise of) the current access token. */
  readonly accessTokenProvider = input<AccessTokenProvider>();

  /** A page was shown: its address and title. */
  // eslint-disable-next-line @angular-eslint/no-output-rename -- hosts listen for the DOM event names.
  readonly navigated = output<HostEvents['osb-navigate']>({ alias: 'osb-navigate' });
  /** An operation of an instance or a binding ended. */
  // eslint-disable-next-line @angular-eslint/no-output-rename -- hosts listen for the DOM event names.
  readonly operationFinished = output<HostEvents['osb-operation-finished']>({ alias: 'osb-operation-finished' });
  /** The API refused the host's token, also after asking for it once more. */
  // eslint-disable-next-line @angular-eslint/no-output-rename -- hosts listen for the DOM event names.
  readonly authRequired = output<HostEvents['osb-auth-required']>({ alias: 'osb-auth-required' });

  private readonly context = inject(EmbedContext);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly root = viewChild.required<ElementRef<HTMLElement>>('root');
  private shownProject: string | null = null;

  constructor() {
    afterNextRender(() => this.context.overlayHost.set(this.root().nativeElement));
    this.context.connectEvents((type, detail) => {
      switch (type) {
        case 'osb-navigate':
          return this.navigated.emit(detail as HostEvents['osb-navigate']);
        case 'osb-operation-finished':
          return this.operationFinished.emit(detail as HostEvents['osb-operation-finished']);
        case 'osb-auth-required':
          return this.authRequired.emit(detail as HostEvents['osb-auth-required']);
      }
    });
    effect(() => {
      const apiUrl = this.apiUrl();
      if (apiUrl) {
        this.context.apiUrl.set(new URL(apiUrl, document.baseURI).href.replace(/\/+$/, ''));
      }
    });
    effect(() => this.context.tokenProvider.set(this.accessTokenProvider() ?? null));
    effect(() => this.context.basePath.set(normaliseBasePath(this.basePath())));
    effect(() => {
      const projectId = this.projectId() || null;
      untracked(() => this.showProject(projectId));
    });
  }

  ngOnDestroy(): void {
    this.context.connectEvents(() => undefined);
    this.context.overlayHost.set(null);
  }

  /** Starts on the page the address names, or moves the current page to another project. */
  private showProject(projectId: string | null): void {
    const previous = this.shownProject;
    this.shownProject = projectId;
    this.context.projectId.set(projectId);
    if (!projectId) {
      return;
    }
    if (previous === null) {
      // A host may mount the element again later (its router left and came back).
      if (this.router.navigated) {
        void this.router.navigateByUrl(this.location.path(true), { replaceUrl: true });
      } else {
        this.router.initialNavigation();
      }
      return;
    }
    const { commands, queryParams } = switchProjectCommands(this.router.parseUrl(this.router.url), projectId);
    void this.router.navigate(commands, { queryParams });
  }
}
