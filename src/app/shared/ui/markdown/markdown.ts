import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

import { IMAGE_HOSTS } from '../safe-url/image-hosts';
import { isPlainText, renderMarkdown } from './render-markdown';

/**
 * Shows untrusted markdown, rendered and sanitised by `renderMarkdown` (images only from the allowed
 * hosts). A line of plain words, such as most field descriptions, is shown as text, without parsing
 * any HTML.
 */
@Component({
  selector: 'mp-markdown',
  template: `
    @if (plainText(); as text) {
      <div class="mp-markdown__content">
        <p>{{ text }}</p>
      </div>
    } @else {
      <div class="mp-markdown__content" [innerHTML]="html()"></div>
    }
  `,
  styleUrl: './markdown.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Markdown {
  private readonly domSanitizer = inject(DomSanitizer);
  private readonly imageHosts = inject(IMAGE_HOSTS);

  /** Markdown source to render. */
  readonly source = input.required<string>();

  /** The source when markdown would show it as one paragraph of the same words, else empty. */
  protected readonly plainText = computed(() => (isPlainText(this.source()) ? this.source() : ''));

  /**
   * The rendered HTML. DOMPurify has already cleaned it, more strictly than Angular would, and
   * Angular's sanitiser would strip the `target`/`rel` the links need, so it is marked as trusted.
   */
  protected readonly html = computed<SafeHtml>(() =>
    this.domSanitizer.bypassSecurityTrustHtml(renderMarkdown(this.source(), this.imageHosts)),
  );
}
