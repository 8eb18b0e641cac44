// Throwaway PostgreSQL for tests and the bench: initdb into a temporary directory, start on a free port with
// its unix socket in that directory, a fresh database per caller, everything removed at stop. Uses the server
// named by ANQUAN_TEST_DATABASE_URL instead when that is set. As root, the cluster runs as the `postgres` user
// (initdb refuses root). Where no server can be started it says why; under CI=true that is an error.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestCluster {
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export type TestClusterResult = { cluster: TestCluster } | { skipped: string };

const findBinaries = (): string | undefined => {
  const candidates = [process.env.ANQUAN_PG_BIN, '/usr/local/bin', '/usr/lib/postgresql'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (existsSync(join(candidate, 'initdb')) && existsSync(join(candidate, 'pg_ctl'))) return candidate;
    if (candidate === '/usr/lib/postgresql' && existsSync(candidate)) {
      const newest = readdirSync(candidate)
        .filter((version) => existsSync(join(candidate, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0];
      if (newest) return join(candidate, newest, 'bin');
    }
  }
  return undefined;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

let databases = 0;
const databaseCreator = (adminUrl: string, urlFor: (name: string) => string) => async () => {
  const name = `anquan_test_${process.pid}_${(databases += 1)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return urlFor(name);
};

/** Starts (or borrows) a PostgreSQL server. `durable: false` turns fsync off, for the contract tests only. */
export const startTestCluster = async (options: { durable?: boolean } = {}): Promise<TestClusterResult> => {
  const outcome = await tryStart(options.durable ?? true);
  if ('skipped' in outcome && process.env.CI === 'true') throw new Error(`CI must run the PostgreSQL tests, but no server could be started: ${outcome.skipped}`);
  return outcome;
};

const tryStart = async (durable: boolean): Promise<TestClusterResult> => {
  const borrowed = process.env.ANQUAN_TEST_DATABASE_URL;
  if (borrowed) {
    const base = new URL(borrowed);
    const urlFor = (name: string) => {
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url.toString();
    };
    return { cluster: { createDatabase: databaseCreator(borrowed, urlFor), stop: async () => undefined } };
  }
  const binaries = findBinaries();
  if (!binaries) return { skipped: 'no initdb/pg_ctl found (install Debian postgresql, or set ANQUAN_TEST_DATABASE_URL)' };
  const root = process.getuid?.() === 0;
  const directory = await mkdtemp(join(tmpdir(), 'anquan-pg-'));
  const as = async (command: string, args: string[]) => (root ? run('runuser', ['-u', 'postgres', '--', join(binaries, command), ...args]) : run(join(binaries, command), args));
  try {
    if (root) {
      const { stdout } = await run('id', ['-u', 'postgres']).catch(async () => {
        await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
        return run('id', ['-u', 'postgres']);
      });
      const uid = Number(stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      await chown(directory, uid, gid);
    }
    const data = join(directory, 'data');
    await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const settings = [`-p ${port}`, `-k ${directory}`, "-c listen_addresses=''", '-c max_connections=200', ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
    await as('pg_ctl', ['-D', data, '-l', join(directory, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
    const urlFor = (name: string) => `postgresql://postgres@${encodeURIComponent(directory)}:${port}/${name}`;
    return {
      cluster: {
        createDatabase: databaseCreator(urlFor('postgres'), urlFor),
        stop: async () => {
          await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
          await rm(directory, { recursive: true, force: true });
        },
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    const failure = error as { stderr?: string; message: string };
    return { skipped: `could not start a PostgreSQL cluster with ${binaries}: ${(failure.stderr || failure.message).trim().split('\n').slice(-3).join(' ')}` };
  }
};
