/**
 * How every test runner here starts Chromium: Debian's build, headless, with the flags that keep
 * it from calling home (on a closed network those calls only produce refused connections).
 */

/** Path of the Chromium executable. */
export const chromiumExecutable = '/usr/bin/chromium';

/** Command-line flags for every Chromium the tests start. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
