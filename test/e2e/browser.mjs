// Headless Debian Chromium for the end-to-end suites, with the flags this closed network needs
// (without the background-networking ones Chromium keeps making requests that fail here).

export const CHROMIUM = process.env.CONTAINMENT_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A persistent context in a fresh profile folder, 1400×900 like the screenshots in the README. */
export function launchChromium(chromium, profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
}
