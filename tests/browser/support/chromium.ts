// Which Chromium the browser tests drive, and how they start it: ANQUAN_CHROMIUM, else the one
// scripts/ensure-chromium.mjs found (the README's test command runs it first), else Debian's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repositoryRoot } from '../../support/repository.js';

const record = join(repositoryRoot, 'node_modules', '.cache', 'anquan', 'chromium-path');

export const chromiumExecutable = (): string => {
  if (process.env.ANQUAN_CHROMIUM) return process.env.ANQUAN_CHROMIUM;
  if (existsSync(record)) {
    const path = readFileSync(record, 'utf8').trim();
    if (existsSync(path)) return path;
  }
  return '/usr/bin/chromium';
};

/** Headless, without the sandbox (root in CI) and without the background traffic that makes runs differ. */
export const launchChromium = async (): Promise<Browser> => {
  const executablePath = chromiumExecutable();
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; run node scripts/ensure-chromium.mjs or set ANQUAN_CHROMIUM`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
};
