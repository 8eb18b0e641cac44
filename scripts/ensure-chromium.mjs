#!/usr/bin/env node
// Brings the Chromium the browser tests drive (playwright-core, no browser download of its own), so the
// README's test command passes on a fresh Debian machine with only Node and npm. In order:
//   1. ANQUAN_CHROMIUM, if set, names the browser;
//   2. Debian's chromium, if installed;
//   3. Debian's chromium installed with apt-get (as root, or with sudo that needs no password), with a
//      Chinese font so screenshots are readable;
//   4. otherwise the Chromium shipped inside the npm package @sparticuz/chromium, installed into
//      node_modules/.cache/anquan-chromium.
// The path found is written to node_modules/.cache/anquan/chromium-path, where tests/browser/support/chromium.ts
// reads it. Everything it does, it says.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const record = join(root, 'node_modules', '.cache', 'anquan', 'chromium-path');
const say = (message) => console.log(`[chromium] ${message}`);
const found = (path, how) => {
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, path);
  say(`browser tests use ${path} (${how})`);
  process.exit(0);
};
const works = (path) => existsSync(path) && spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).status === 0;
const debianChromium = () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(works);

if (process.env.ANQUAN_CHROMIUM) {
  if (works(process.env.ANQUAN_CHROMIUM)) found(process.env.ANQUAN_CHROMIUM, 'ANQUAN_CHROMIUM');
  say(`ANQUAN_CHROMIUM=${process.env.ANQUAN_CHROMIUM} does not run; looking for another browser`);
}
const installed = debianChromium();
if (installed) found(installed, "Debian's chromium, already installed");

const isRoot = process.getuid?.() === 0;
const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
const hasApt = spawnSync('apt-get', ['--version']).status === 0;
if (hasApt && (isRoot || canSudo)) {
  const run = (args) => {
    say(`running: ${isRoot ? '' : 'sudo '}${args.join(' ')}`);
    execFileSync(isRoot ? args[0] : 'sudo', isRoot ? args.slice(1) : args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  say("Chromium not found: installing Debian's chromium (and the font fonts-wqy-microhei) for the browser tests");
  try {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei']);
    const now = debianChromium();
    if (now) found(now, "Debian's chromium, installed now");
  } catch (error) {
    say(`apt-get failed (${error.message}); trying the Chromium shipped in an npm package`);
  }
}

// Pinned: the package's major version is the Chromium major it ships.
const packageName = '@sparticuz/chromium';
const packageVersion = '153.0.0';
const prefix = join(root, 'node_modules', '.cache', 'anquan-chromium');
const entry = join(prefix, 'node_modules', ...packageName.split('/'));
if (!existsSync(entry)) {
  say(`Chromium not found and apt-get not usable: installing ${packageName}@${packageVersion} (a Chromium shipped inside an npm package) into ${prefix}`);
  mkdirSync(prefix, { recursive: true });
  execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `${packageName}@${packageVersion}`], { stdio: ['ignore', 'inherit', 'inherit'] });
}
const { default: chromium } = await import(pathToFileURL(join(entry, 'build', 'esm', 'index.js')).href).catch(() => import(pathToFileURL(join(entry, 'build', 'index.js')).href));
const path = await chromium.executablePath();
if (!works(path)) {
  say(`the Chromium from ${packageName} at ${path} does not start on this machine; install Debian's chromium (apt-get install chromium) or set ANQUAN_CHROMIUM`);
  process.exit(1);
}
found(path, `${packageName}@${packageVersion}`);
