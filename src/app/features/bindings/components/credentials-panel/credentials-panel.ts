import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

import { safeLinkUrl } from '@app/shared/ui/safe-url/safe-url';
import {
  type Credentials,
  credentialFields,
  credentialsDotEnv,
  credentialsJson,
  safeFileName,
} from '../../credential-export';
import { downloadTextFile } from '@app/shared/ui/download/download-text-file';

/**
 * A binding's credentials, masked until the user reveals a field. Each field can be revealed
 * and copied; all of them copied as JSON or downloaded as a JSON or `.env` file. The values live
 * only in this component's inputs: nothing is written to storage, URLs or logs, and revealed
 * fields are masked again whenever other credentials arrive.
 */
@Component({
  selector: 'mp-credentials-panel',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  templateUrl: './credentials-panel.html',
  styleUrl: './credentials-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-credentials-panel' },
})
export class CredentialsPanel {
  private readonly document = inject(DOCUMENT);

  /** The broker's credentials (untrusted). */
  readonly credentials = input.required<Credentials>();
  /** The binding's name, for file names and labels. */
  readonly bindingName = input.required<string>();
  /** Whether to offer copying and downloading all fields at once. */
  readonly showBulkActions = input(true);

  /** The fields as text, in the broker's order. */
  protected readonly fields = computed(() =>
    credentialFields(this.credentials()).map((field) => ({ ...field, link: safeLinkUrl(field.value) })),
  );
  /** Keys of the fields the user revealed. */
  protected readonly revealed = signal<ReadonlySet<string>>(new Set());
  /** The last copy or download result, announced politely. */
  protected readonly status = signal('');
  /** The accessible name of the list of fields. */
  protected readonly listLabel = computed(
    () => $localize`:@@credentialsOf:Credentials of ${this.bindingName()}:bindingName:`,
  );
  /** What stands in for a hidden value: always the same length, so it reveals nothing. */
  protected readonly mask = '••••••••••••';

  constructor() {
    effect(() => {
      this.credentials();
      untracked(() => {
        this.revealed.set(new Set());
        this.status.set('');
      });
    });
  }

  /** Shows or hides one field's value. */
  protected toggleReveal(key: string): void {
    const next = new Set(this.revealed());
    if (next.has(key)) {
      next.delete(key);
    } else {
      next.add(key);
    }
    this.revealed.set(next);
  }

  /** The accessible name of a field's show/hide button. */
  protected revealLabel(key: string, shown: boolean): string {
    return shown ? $localize`:@@credentialHide:Hide ${key}:key:` : $localize`:@@credentialShow:Show ${key}:key:`;
  }

  /** The accessible name of a field's copy button. */
  protected copyLabel(key: string): string {
    return $localize`:@@credentialCopy:Copy ${key}:key:`;
  }

  /** The tooltip of a field's show/hide button. */
  protected revealTooltip(shown: boolean): string {
    return shown ? $localize`:@@credentialHideTooltip:Hide` : $localize`:@@credentialShowTooltip:Show`;
  }

  /** Copies one field's value to the clipboard. */
  protected copyField(key: string, value: string): void {
    void this.copy(value, $localize`:@@credentialCopied:Copied ${key}:key: to the clipboard.`);
  }

  /** Copies all fields as JSON to the clipboard. */
  protected copyAllAsJson(): void {
    void this.copy(
      credentialsJson(this.credentials()),
      $localize`:@@credentialsCopied:Copied all credentials as JSON.`,
    );
  }

  /** Saves all fields as a JSON file. */
  protected downloadJson(): void {
    const fileName = `${safeFileName(this.bindingName())}-credentials.json`;
    downloadTextFile(this.document, fileName, credentialsJson(this.credentials()), 'application/json');
    this.status.set($localize`:@@credentialsDownloaded:Downloaded ${fileName}:fileName:.`);
  }

  /** Saves all fields as a `.env` file. */
  protected downloadDotEnv(): void {
    const fileName = `${safeFileName(this.bindingName())}.env`;
    downloadTextFile(this.document, fileName, credentialsDotEnv(this.credentials()), 'text/plain');
    this.status.set($localize`:@@credentialsDownloaded:Downloaded ${fileName}:fileName:.`);
  }

  private async copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status.set(done);
    } catch {
      this.status.set(
        $localize`:@@credentialCopyFailed:The browser did not allow copying. Reveal the value and copy it by hand.`,
      );
    }
  }
}
