import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';

import { IMAGE_HOSTS } from '../safe-url/image-hosts';
import { allowedImageUrl } from '../safe-url/safe-url';

/**
 * A service's icon from the broker's image URL (data:image, or http and https from the allowed
 * image hosts only, see `allowedImageUrl`). Without a usable URL, or when the image fails to
 * load, it shows the name's initial instead. Decorative: the service's name is always shown
 * beside it.
 */
@Component({
  selector: 'mp-service-icon',
  template: `
    @if (imageSource(); as src) {
      <img [src]="src" alt="" (error)="showInitial()" />
    } @else {
      <span class="mp-service-icon__initial" aria-hidden="true">{{ initial() }}</span>
    }
  `,
  styleUrl: './service-icon.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'mp-service-icon',
    '[style.--mp-service-icon-size.px]': 'size()',
  },
})
export class ServiceIcon {
  private readonly imageHosts = inject(IMAGE_HOSTS);

  /** Image URL from the broker; untrusted. */
  readonly imageUrl = input<string | undefined>();
  /** Name whose initial stands in for a missing icon. */
  readonly name = input.required<string>();
  /** Edge length in pixels. */
  readonly size = input(48);

  /** The URL to load, or null once it failed or when it is missing, unsafe or on a host not allowed. */
  protected readonly imageSource = linkedSignal<string | null>(
    () => allowedImageUrl(this.imageUrl(), this.imageHosts) ?? null,
  );
  /** The first letter of the name, upper-cased. */
  protected readonly initial = computed(() => Array.from(this.name().trim())[0]?.toLocaleUpperCase() ?? '?');

  /** Falls back to the initial when the image cannot be loaded. */
  protected showInitial(): void {
    this.imageSource.set(null);
  }
}
