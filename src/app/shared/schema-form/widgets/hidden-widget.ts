import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MaterialControlWidget } from './material-control-widget';

/** A value the schema fixes, such as the discriminator of a chosen variant: kept in the parameters, not shown. */
@Component({
  selector: 'mp-sf-hidden-widget',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { hidden: '' },
  template: '',
})
export class HiddenWidget extends MaterialControlWidget {}
