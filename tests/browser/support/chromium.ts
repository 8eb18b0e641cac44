// Which Chromium the browser tests drive: ANQUAN_CHROMIUM, else the one scripts/ensure-chromium.mjs found
// (the README's test command runs it first), else Debian's.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const record = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'anquan', 'chromium-path');

export const chromiumExecutable = (): string => {
  if (process.env.ANQUAN_CHROMIUM) return process.env.ANQUAN_CHROMIUM;
  if (existsSync(record)) {
    const path = readFileSync(record, 'utf8').trim();
    if (existsSync(path)) return path;
  }
  return '/usr/bin/chromium';
};
