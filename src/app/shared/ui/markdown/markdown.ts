import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

import { IMAGE_HOSTS } from '../safe-url/image-hosts';
import { renderMarkdown } from './render-markdown';

/** Shows untrusted markdown, rendered and sanitised by `renderMarkdown` (images only from the allowed hosts). */
@Component({
  selector: 'mp-markdown',
  template: '<div class="mp-markdown__content" [innerHTML]="html()"></div>',
  styleUrl: './markdown.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Markdown {
  private readonly domSanitizer = inject(DomSanitizer);
  private readonly imageHosts = inject(IMAGE_HOSTS);

  /** Markdown source to render. */
  readonly source = input.required<string>();

  /**
   * The rendered HTML. DOMPurify has already cleaned it, more strictly than Angular would, and
   * Angular's sanitiser would strip the `target`/`rel` the links need, so it is marked as trusted.
   */
  protected readonly html = computed<SafeHtml>(() =>
    this.domSanitizer.bypassSecurityTrustHtml(renderMarkdown(this.source(), this.imageHosts)),
  );
}
