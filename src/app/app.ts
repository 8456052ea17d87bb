import { ChangeDetectionStrategy, Component } from '@angular/core';

import { Shell } from './core/layout/shell/shell';

/** The root component: the app frame, which shows the routed pages. */
@Component({
  selector: 'mp-root',
  imports: [Shell],
  template: '<mp-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
