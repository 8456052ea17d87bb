/**
 * The HTML pages of the development OpenID provider: sign-in, signing out, signed out and
 * errors. They are self-contained (no external assets), escape every value they show and come
 * with a Content-Security-Policy that allows exactly their own inline style and script.
 *
 * The policy sets no `form-action`: browsers apply it to the redirects after a form post too,
 * and the sign-in and sign-out forms end in redirects to the client's origin.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../html/escape-html.ts';

/** The product the pages name. */
export const PRODUCT_NAME = 'OSB Marketplace';

/** The languages of the pages. */
export type PageLanguage = 'en' | 'de';

/** The pages' texts in each language; `{product}` stands for the product name. */
const TEXTS = {
  en: {
    signInTitle: 'Sign in – {product}',
    signInHeading: 'Sign in to {product}',
    signInNote:
      "Development sign-in: the users come from the platform configuration. Production uses your organisation's OpenID provider.",
    signInFailed: 'Unknown user or wrong password',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingOutTitle: 'Signing out – {product}',
    signingOutHeading: 'Signing out…',
    signingOutText: 'You are being signed out of {product}.',
    signOut: 'Sign out',
    signedOutTitle: 'Signed out – {product}',
    signedOutHeading: 'Signed out',
    signedOutText: 'You have signed out of {product}. You can close this window.',
    errorTitle: 'Sign-in problem – {product}',
    errorHeading: '{product} cannot sign you in',
    errorCode: 'Error code:',
    invalidRequest: 'The request is not valid.',
    unsupportedStep: 'This sign-in step is not supported.',
    noPasswordExpected: 'This sign-in request does not expect a password. Return to the application and sign in again.',
    expired: 'This sign-in request has expired or was already completed. Return to the application and sign in again.',
    otherRequest: 'This sign-in form belongs to another sign-in request. Return to the application and sign in again.',
  },
  de: {
    signInTitle: 'Anmelden – {product}',
    signInHeading: 'Bei {product} anmelden',
    signInNote:
      'Anmeldung für die Entwicklung: Die Benutzer stammen aus der Konfiguration der Plattform. Im Betrieb melden Sie sich beim OpenID-Anbieter Ihrer Organisation an.',
    signInFailed: 'Unbekannter Benutzer oder falsches Passwort',
    username: 'Benutzername',
    password: 'Passwort',
    signIn: 'Anmelden',
    signingOutTitle: 'Abmelden – {product}',
    signingOutHeading: 'Sie werden abgemeldet …',
    signingOutText: 'Sie werden von {product} abgemeldet.',
    signOut: 'Abmelden',
    signedOutTitle: 'Abgemeldet – {product}',
    signedOutHeading: 'Abgemeldet',
    signedOutText: 'Sie haben sich von {product} abgemeldet. Sie können dieses Fenster schließen.',
    errorTitle: 'Problem bei der Anmeldung – {product}',
    errorHeading: '{product} kann Sie nicht anmelden',
    errorCode: 'Fehlercode:',
    invalidRequest: 'Die Anfrage ist ungültig.',
    unsupportedStep: 'Dieser Anmeldeschritt wird nicht unterstützt.',
    noPasswordExpected:
      'Diese Anmeldeanfrage erwartet kein Passwort. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.',
    expired:
      'Diese Anmeldeanfrage ist abgelaufen oder wurde bereits abgeschlossen. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.',
    otherRequest:
      'Dieses Anmeldeformular gehört zu einer anderen Anmeldeanfrage. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.',
  },
} satisfies Record<PageLanguage, Record<string, string>>;

/** A message of the pages that routes show in an error page. */
export type PageMessage = 'invalidRequest' | 'unsupportedStep' | 'noPasswordExpected' | 'expired' | 'otherRequest';

/**
 * The language of the pages for a request: the first of the client's `ui_locales` (the
 * marketplace passes the language the user chose), else the first language of the browser's
 * `Accept-Language` (by quality) that the pages speak, else English.
 */
export function pageLanguage({
  uiLocales,
  acceptLanguage,
}: {
  uiLocales?: unknown;
  acceptLanguage?: string;
}): PageLanguage {
  const requested = typeof uiLocales === 'string' ? uiLocales.split(/\s+/) : [];
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const quality = Number(
        parameters
          .find((parameter) => parameter.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
  for (const tag of [...requested, ...accepted]) {
    const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
    if (primary === 'en' || primary === 'de') return primary;
  }
  return 'en';
}

/** A text of the pages in a language, with the product name filled in. */
function text(language: PageLanguage, key: keyof (typeof TEXTS)['en']): string {
  return TEXTS[language][key].replace('{product}', PRODUCT_NAME);
}

/** A rendered page and the Content-Security-Policy to send with it. */
export interface HtmlPage {
  html: string;
  contentSecurityPolicy: string;
}

/** Light or dark as the browser prefers (`color-scheme`), like the marketplace on a first visit. */
const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: light-dark(#1b1f24, #e3e5e8); background: light-dark(#f3f5f9, #111318); }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
main { box-sizing: border-box; width: min(26rem, calc(100vw - 2rem)); margin: 1rem; padding: 2rem;
  background: light-dark(#fff, #1d2024); border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.18); }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
p { line-height: 1.5; margin: 0.5rem 0; }
.note { color: light-dark(#4b5563, #aeb4bd); font-size: 0.875rem; }
.error { margin: 1rem 0 0; padding: 0.75rem 1rem; border-radius: 6px; background: light-dark(#fdecea, #5c1a14);
  color: light-dark(#8a1c13, #ffdad6); font-weight: 600; }
form { display: grid; gap: 0.375rem; margin-top: 1.25rem; }
label { font-weight: 600; margin-top: 0.625rem; }
input { font: inherit; padding: 0.625rem 0.75rem; border: 1px solid light-dark(#6b7280, #8b919a); border-radius: 6px; }
button { font: inherit; font-weight: 600; margin-top: 1.25rem; padding: 0.75rem 1rem; border: 0; border-radius: 6px;
  background: #1d4ed8; color: #fff; cursor: pointer; }
button:hover { background: #1e40af; }
input:focus-visible, button:focus-visible { outline: 3px solid light-dark(#1d4ed8, #8ab4f8); outline-offset: 2px; }
`;

/**
 * The sign-in page of one interaction.
 *
 * @param action where the form posts to (the interaction's login URL)
 * @param username the username to fill in again after a failed attempt
 * @param failed whether the previous attempt failed
 * @param language the language of the page
 */
export function signInPage({
  action,
  username = '',
  failed = false,
  language = 'en',
}: {
  action: string;
  username?: string;
  failed?: boolean;
  language?: PageLanguage;
}): HtmlPage {
  const invalid = failed ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  // After a failed attempt the username stays, so the password field is the one to type in.
  const focusPassword = failed && username !== '';
  const t = (key: keyof (typeof TEXTS)['en']) => escapeHtml(text(language, key));
  return renderPage(language, {
    title: text(language, 'signInTitle'),
    main: `<h1>${t('signInHeading')}</h1>
<p class="note">${t('signInNote')}</p>
${failed ? `<p id="sign-in-error" class="error" role="alert">${t('signInFailed')}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="username">${t('username')}</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${focusPassword ? '' : ' autofocus'}>
  <label for="password">${t('password')}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword ? ' autofocus' : ''}>
  <button type="submit">${t('signIn')}</button>
</form>`,
  });
}

/**
 * The page that ends the provider session: it submits the provider's logout form at once
 * (with `logout=yes`, which ends the whole session); without JavaScript the user presses the button.
 *
 * @param providerForm the form oidc-provider generated (`id="op.logoutForm"`, with its xsrf field)
 * @param language the language of the page
 */
export function signingOutPage(providerForm: string, language: PageLanguage = 'en'): HtmlPage {
  return renderPage(language, {
    title: text(language, 'signingOutTitle'),
    main: `<h1>${escapeHtml(text(language, 'signingOutHeading'))}</h1>
<p>${escapeHtml(text(language, 'signingOutText'))}</p>
${providerForm}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<noscript><button type="submit" form="op.logoutForm">${escapeHtml(text(language, 'signOut'))}</button></noscript>`,
    script: `document.getElementById('op.logoutForm').submit();`,
  });
}

/** The page shown after signing out when the client named no page to return to. */
export function signedOutPage(language: PageLanguage = 'en'): HtmlPage {
  return renderPage(language, {
    title: text(language, 'signedOutTitle'),
    main: `<h1>${escapeHtml(text(language, 'signedOutHeading'))}</h1>
<p>${escapeHtml(text(language, 'signedOutText'))}</p>`,
  });
}

/**
 * A page explaining why a sign-in or sign-out request cannot go on.
 *
 * @param message what happened, for the user: one of the pages' messages, or the provider's own text
 * @param code a technical error code (an OAuth `error` value), if any
 * @param language the language of the page
 */
export function errorPage(
  message: PageMessage | { text: string },
  code?: string,
  language: PageLanguage = 'en',
): HtmlPage {
  const shown = typeof message === 'string' ? text(language, message) : message.text;
  return renderPage(language, {
    title: text(language, 'errorTitle'),
    main: `<h1>${escapeHtml(text(language, 'errorHeading'))}</h1>
<p>${escapeHtml(shown)}</p>
${code ? `<p class="note">${escapeHtml(text(language, 'errorCode'))} <code>${escapeHtml(code)}</code></p>` : ''}`,
  });
}

/** A complete page; `main` is trusted HTML, `script` runs at the end of the body. */
function renderPage(
  language: PageLanguage,
  { title, main, script }: { title: string; main: string; script?: string },
): HtmlPage {
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `style-src ${sourceHash(STYLE)}`,
    `script-src ${script ? sourceHash(script) : "'none'"}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}

function sourceHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}
