import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt install chromium), which `.ci/run` installs. */
export const CHROMIUM_PATH = process.env.APTLY_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a message, except under
 * CI=true, where a missing browser must fail the run rather than pass it silently.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM_PATH} is missing under CI=true: install it (apt-get install chromium)`);
  console.warn(
    `${CHROMIUM_PATH} is missing: the dashboard's browser tests are skipped (apt-get install chromium)`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
