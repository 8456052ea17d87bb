import { OverlayContainer } from '@angular/cdk/overlay';
import { Injectable, inject } from '@angular/core';

import { EmbedContext } from './embed-context';

/**
 * Places Material's overlays (dialogs, menus, select panels, snack bars) inside the element's
 * shadow root, where the element's theme and styles apply, instead of in the host's `<body>`.
 */
@Injectable()
export class ShadowOverlayContainer extends OverlayContainer {
  private readonly context = inject(EmbedContext);

  /** The container, moved into the element that is connected now (a host may replace the element). */
  override getContainerElement(): HTMLElement {
    const container = super.getContainerElement();
    const host = this.context.overlayHost();
    if (host && container.parentElement !== host) {
      host.appendChild(container);
    }
    return container;
  }
}
