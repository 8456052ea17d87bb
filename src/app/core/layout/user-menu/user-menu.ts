import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';

/** The signed-in user's name with a menu to sign out. */
@Component({
  selector: 'mp-user-menu',
  imports: [MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule],
  template: `
    <button
      mat-button
      type="button"
      class="mp-user-menu__trigger"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="accountLabel()"
    >
      <mat-icon svgIcon="account_circle" aria-hidden="true" />
      <span class="mp-user-menu__name">{{ userName() }}</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <div class="mp-user-menu__identity" role="presentation">
        <span class="mp-user-menu__identity-name">{{ userName() }}</span>
        @if (email(); as email) {
          <span class="mp-user-menu__identity-email">{{ email }}</span>
        }
      </div>
      <mat-divider />
      <button mat-menu-item type="button" (click)="signOutRequested.emit()">
        <mat-icon svgIcon="logout" aria-hidden="true" />
        <span i18n="user menu@@signOut">Sign out</span>
      </button>
    </mat-menu>
  `,
  styleUrl: './user-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  /** Name to show. */
  readonly userName = input.required<string>();
  /** E-mail address shown in the menu, if known. */
  readonly email = input<string | undefined>();
  /** Emits when the user chooses to sign out. */
  readonly signOutRequested = output<void>();

  /** Accessible name of the menu button, which shows only an icon on narrow screens. */
  protected readonly accountLabel = computed(
    () => $localize`:user menu@@userMenuLabel:Account of ${this.userName()}:userName:`,
  );
}
