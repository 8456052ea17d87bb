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

/** The message shown when a sign-in fails, whatever the reason. */
export const SIGN_IN_FAILED_MESSAGE = 'Unknown user or wrong password';

/** A rendered page and the Content-Security-Policy to send with it. */
export interface HtmlPage {
  html: string;
  contentSecurityPolicy: string;
}

const STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #f3f5f9; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
main { box-sizing: border-box; width: min(26rem, calc(100vw - 2rem)); margin: 1rem; padding: 2rem;
  background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.18); }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
p { line-height: 1.5; margin: 0.5rem 0; }
.note { color: #4b5563; font-size: 0.875rem; }
.error { margin: 1rem 0 0; padding: 0.75rem 1rem; border-radius: 6px; background: #fdecea; color: #8a1c13; font-weight: 600; }
form { display: grid; gap: 0.375rem; margin-top: 1.25rem; }
label { font-weight: 600; margin-top: 0.625rem; }
input { font: inherit; padding: 0.625rem 0.75rem; border: 1px solid #6b7280; border-radius: 6px; }
button { font: inherit; font-weight: 600; margin-top: 1.25rem; padding: 0.75rem 1rem; border: 0; border-radius: 6px;
  background: #1d4ed8; color: #fff; cursor: pointer; }
button:hover { background: #1e40af; }
input:focus-visible, button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
`;

/**
 * The sign-in page of one interaction.
 *
 * @param action where the form posts to (the interaction's login URL)
 * @param username the username to fill in again after a failed attempt
 * @param failed whether the previous attempt failed
 */
export function signInPage({ action, username = '', failed = false }: { action: string; username?: string; failed?: boolean }): HtmlPage {
  const invalid = failed ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  // After a failed attempt the username stays, so the password field is the one to type in.
  const focusPassword = failed && username !== '';
  return renderPage({
    title: `Sign in – ${PRODUCT_NAME}`,
    main: `<h1>Sign in to ${PRODUCT_NAME}</h1>
<p class="note">Development sign-in: the users come from the platform configuration. Production uses your organisation's OpenID provider.</p>
${failed ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(SIGN_IN_FAILED_MESSAGE)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${focusPassword ? '' : ' autofocus'}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword ? ' autofocus' : ''}>
  <button type="submit">Sign in</button>
</form>`,
  });
}

/**
 * The page that ends the provider session: it submits the provider's logout form at once
 * (with `logout=yes`, which ends the whole session); without JavaScript the user presses the button.
 *
 * @param providerForm the form oidc-provider generated (`id="op.logoutForm"`, with its xsrf field)
 */
export function signingOutPage(providerForm: string): HtmlPage {
  return renderPage({
    title: `Signing out – ${PRODUCT_NAME}`,
    main: `<h1>Signing out…</h1>
<p>You are being signed out of ${PRODUCT_NAME}.</p>
${providerForm}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
    script: `document.getElementById('op.logoutForm').submit();`,
  });
}

/** The page shown after signing out when the client named no page to return to. */
export function signedOutPage(): HtmlPage {
  return renderPage({
    title: `Signed out – ${PRODUCT_NAME}`,
    main: `<h1>Signed out</h1>
<p>You have signed out of ${PRODUCT_NAME}. You can close this window.</p>`,
  });
}

/**
 * A page explaining why a sign-in or sign-out request cannot go on.
 *
 * @param message what happened, for the user
 * @param code a technical error code (an OAuth `error` value), if any
 */
export function errorPage(message: string, code?: string): HtmlPage {
  return renderPage({
    title: `Sign-in problem – ${PRODUCT_NAME}`,
    main: `<h1>${PRODUCT_NAME} cannot sign you in</h1>
<p>${escapeHtml(message)}</p>
${code ? `<p class="note">Error code: <code>${escapeHtml(code)}</code></p>` : ''}`,
  });
}

/** A complete page; `main` is trusted HTML, `script` runs at the end of the body. */
function renderPage({ title, main, script }: { title: string; main: string; script?: string }): HtmlPage {
  const html = `<!doctype html>
<html lang="en">
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
