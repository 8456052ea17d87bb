import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';

import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { LanguageSettings } from '../../i18n/provide-language';
import { type Theme } from '../../theme/color-scheme';
import { ThemeSettings } from '../../theme/theme';
import type { AppIconName } from '@app/shared/ui/icons/app-icons';

/** A colour scheme in the menu: its icon and label. */
interface ThemeChoice {
  theme: Theme;
  icon: AppIconName;
  label: string;
}

/** The signed-in user's name with a menu to choose the language and colour scheme, and to sign out. */
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
      <div class="mp-user-menu__heading" role="presentation" i18n="user menu@@languageMenuHeading">Language</div>
      @for (language of languages; track language) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="language === currentLanguage"
          [attr.lang]="language"
          (click)="languageSettings.choose(language)"
        >
          <mat-icon [svgIcon]="language === currentLanguage ? 'check' : 'translate'" aria-hidden="true" />
          <span>{{ languageNames[language] }}</span>
        </button>
      }
      <mat-divider />
      <div class="mp-user-menu__heading" role="presentation" i18n="user menu@@themeMenuHeading">Appearance</div>
      @for (choice of themeChoices; track choice.theme) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="choice.theme === themeSettings.current()"
          (click)="themeSettings.choose(choice.theme)"
        >
          <mat-icon [svgIcon]="choice.theme === themeSettings.current() ? 'check' : choice.icon" aria-hidden="true" />
          <span>{{ choice.label }}</span>
        </button>
      }
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

  /** The app's language and the way to change it. */
  protected readonly languageSettings = inject(LanguageSettings);
  /** The app's colour scheme and the way to change it. */
  protected readonly themeSettings = inject(ThemeSettings);
  protected readonly languages = LANGUAGES;
  /** Each language's name in itself, so that users find theirs whatever the page speaks. */
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly currentLanguage = this.languageSettings.current;
  protected readonly themeChoices: readonly ThemeChoice[] = [
    {
      theme: 'system',
      icon: 'brightness_medium',
      label: $localize`:user menu, colour scheme@@themeSystem:Same as system`,
    },
    { theme: 'light', icon: 'light_mode', label: $localize`:user menu, colour scheme@@themeLight:Light` },
    { theme: 'dark', icon: 'dark_mode', label: $localize`:user menu, colour scheme@@themeDark:Dark` },
  ];

  /** Accessible name of the menu button, which shows only an icon on narrow screens. */
  protected readonly accountLabel = computed(
    () => $localize`:user menu@@userMenuLabel:Account of ${this.userName()}:userName:`,
  );
}
