// expect: no-restricted-imports
// The app is zoneless: NgZone has nothing to run code in.
import { NgZone } from '@angular/core';

export const uses = NgZone;
