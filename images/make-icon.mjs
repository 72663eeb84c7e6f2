#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128×128, transparent corners)
// with headless Chromium: `node images/make-icon.mjs` (CHROMIUM_PATH to override).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = fs.readFileSync(path.join(here, 'icon.svg'), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'termguard-icon-'));
const html = path.join(tmp, 'icon.html');
fs.writeFileSync(html, `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
const out = path.join(tmp, 'icon.png');
execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1',
  '--default-background-color=00000000', '--window-size=128,128', `--screenshot=${out}`, `file://${html}`,
], { stdio: 'ignore' });
fs.copyFileSync(out, path.join(here, 'icon.png'));
fs.rmSync(tmp, { recursive: true, force: true });
console.log('wrote images/icon.png');
