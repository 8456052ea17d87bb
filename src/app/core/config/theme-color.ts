/**
 * Applies the operator's primary colour from the runtime configuration as the Material
 * `--mat-sys-primary` system variable. Values that are not CSS colours are ignored.
 */
export function applyPrimaryColor(root: HTMLElement, color: string | undefined): void {
  if (color && CSS.supports('color', color)) {
    root.style.setProperty('--mat-sys-primary', color);
  }
}
