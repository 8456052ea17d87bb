/**
 * Replaces the page's body with a plain error message. Used when the application cannot start
 * (no configuration, no sign-in service), so it must work without Angular.
 */
export function renderStartupError(document: Document, message: string): void {
  const main = document.createElement('main');
  main.className = 'mp-startup-error';

  const heading = document.createElement('h1');
  heading.textContent = $localize`:@@startupErrorTitle:The marketplace could not start`;

  const detail = document.createElement('p');
  detail.textContent = message;

  const hint = document.createElement('p');
  hint.textContent = $localize`:@@startupErrorHint:Please try again in a moment. If the problem persists, contact your platform operator.`;

  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = $localize`:@@startupErrorRetry:Try again`;
  retry.addEventListener('click', () => document.location.reload());

  main.append(heading, detail, hint, retry);
  document.body.replaceChildren(main);
}
