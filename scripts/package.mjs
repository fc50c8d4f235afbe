// `npm run package`: zips dist/chrome and dist/firefox into store-ready archives in artifacts/.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const browser of ['chrome', 'firefox']) {
  execFileSync('npx', ['web-ext', 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'artifacts',
    '--filename', `sound-familiar-${browser}-${version}.zip`, '--overwrite-dest'], { stdio: 'inherit' });
}
