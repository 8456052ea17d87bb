/* global window, location */
// The sign-in provider's answer to a silent sign-in (a code or an error) lands here, in a hidden
// frame of the app; hand it to the app, on this origin only.
(window.opener || window.parent).postMessage(location.hash || '#' + location.search.slice(1), location.origin);
