/**
 * Chromium as the browser tests (test/browser/) and the dashboard benchmark drive it: Debian's build at
 * /usr/bin/chromium (or PANTAU_CHROMIUM) with the flags of issue 11, and a free local port for the server they start.
 * No imports of src/: the browser tests' global setup loads this file outside the ESM test runtime.
 */
import { createServer } from 'node:net';

export const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
