// `npm start`: launches a browser with the freshly built extension loaded (web-ext run). A first
// install opens the welcome page, whose sample article works offline. Firefox by default, or
// Chromium with `npm start -- --chromium`; whichever of the two is installed if only one is.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const find = (...names) => names.flatMap((n) => [`/usr/bin/${n}`, `/usr/local/bin/${n}`]).find((p) => existsSync(p));
const firefox = find('firefox-esr', 'firefox');
const chromium = find('chromium', 'chromium-browser', 'google-chrome');
const useChromium = process.argv.includes('--chromium') || (!firefox && !!chromium);

const args = useChromium
  ? ['run', '--target', 'chromium', '--source-dir', 'dist/chrome', ...binary('--chromium-binary', chromium),
     // Chromium refuses to start its sandbox as root (containers, CI boxes).
     ...(process.getuid?.() === 0 ? ['--args=--no-sandbox'] : [])]
  : ['run', '--target', 'firefox-desktop', '--source-dir', 'dist/firefox', ...binary('--firefox', firefox)];

function binary(flag, path) {
  return path ? [flag, path] : [];
}

const child = spawn('npx', ['web-ext', ...args], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
