import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Unit tests that need a real DOM (text blocks, page text, hover, the highlighter): they run in
// the Debian Chromium the e2e suite uses, driven by playwright, so StaticRange, layout and the CSS
// Custom Highlight API are the browser's own. Files are named *.browser.test.ts. No browser is
// downloaded: playwright has no install script, and it is pointed at the system binary.
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  // The shared real-page corpus, read by corpus-pages.browser.test.ts.
  server: { fs: { allow: ['.', '/work/shared/corpus/pages'] } },
  test: {
    name: 'browser',
    include: ['test/unit/**/*.browser.test.ts'],
    // After the node project, not beside it, so Chromium and the node workers never compete for
    // the CPU: some node tests are CPU-heavy and keep vitest's 5 s timeout.
    sequence: { groupOrder: 1 },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: CHROMIUM,
          // The machine has no network beyond the registry: keep Chromium from calling home.
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=Translate'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
