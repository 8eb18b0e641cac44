// One writer per data directory: anquan.lock holds the holder's pid, start time and host. A second process
// refuses at once, naming the directory and the holder; a lock whose process is gone is taken over, under a
// takeover guard so that two processes finding the same stale lock cannot both take it.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryLockedError, storageErrorFromSystem } from './errors.js';

interface Holder {
  pid: number;
  /** Clock ticks since boot at which the process started (Linux), so a recycled pid is not taken for the holder. */
  startTime: string | null;
  host: string;
  since: string;
}

const processStartTime = async (pid: number): Promise<string | null> => {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
};

const isAlive = async (holder: Holder): Promise<boolean> => {
  if (holder.host !== hostname()) return true; // another machine's process cannot be checked from here
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false; // an unreadable lock: no live holder wrote it whole
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const startTime = await processStartTime(holder.pid);
  return holder.startTime === null || startTime === null || startTime === holder.startTime;
};

const readHolder = async (file: string): Promise<Holder | undefined> => {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, startTime: parsed.startTime ?? null, host: String(parsed.host ?? ''), since: String(parsed.since ?? '') } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { pid: -1, startTime: null, host: hostname(), since: 'unreadable lock file' };
  }
};

const describeHolder = (holder: Holder) => `pid ${holder.pid}${holder.host !== hostname() ? ` @ ${holder.host}` : ''}, since ${holder.since}`;
const sameHolder = (a: Holder | undefined, b: Holder | undefined) => a !== undefined && b !== undefined && a.pid === b.pid && a.startTime === b.startTime && a.host === b.host && a.since === b.since;

export interface DirectoryLock {
  release(): Promise<void>;
}

/** Takes the lock of `directory` or throws DataDirectoryLockedError naming the holder. */
export const lockDataDirectory = async (directory: string): Promise<DirectoryLock> => {
  const lockFile = join(directory, 'anquan.lock');
  const guardFile = `${lockFile}.takeover`;
  const mine: Holder = { pid: process.pid, startTime: await processStartTime(process.pid), host: hostname(), since: new Date().toISOString() };
  // The lock is published by link(): it appears whole or not at all, and link fails if the name exists.
  const candidate = join(directory, `.anquan.lock.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(candidate, JSON.stringify(mine), { flag: 'wx' });
  } catch (error) {
    throw storageErrorFromSystem(error, candidate, 'create lock');
  }
  try {
    for (let round = 0; round < 20; round += 1) {
      try {
        await link(candidate, lockFile);
        return { release: () => releaseIfMine(lockFile, mine) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageErrorFromSystem(error, lockFile, 'create lock');
      }
      const holder = await readHolder(lockFile);
      if (holder === undefined) continue; // released between our two steps: try again
      if (await isAlive(holder)) throw new DataDirectoryLockedError(directory, describeHolder(holder));
      // Stale: take it over under the guard, and only if it is still the very lock we judged stale.
      try {
        await link(candidate, guardFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageErrorFromSystem(error, guardFile, 'create lock');
        const guard = await readHolder(guardFile);
        if (guard && !(await isAlive(guard))) await unlink(guardFile).catch(() => undefined);
        else await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      try {
        if (sameHolder(await readHolder(lockFile), holder)) {
          await rename(candidate, lockFile);
          return { release: () => releaseIfMine(lockFile, mine) };
        }
      } finally {
        await unlink(guardFile).catch(() => undefined);
      }
    }
    throw new DataDirectoryLockedError(directory, 'the lock kept changing hands');
  } finally {
    await unlink(candidate).catch(() => undefined);
  }
};

const releaseIfMine = async (lockFile: string, mine: Holder) => {
  if (sameHolder(await readHolder(lockFile), mine)) await unlink(lockFile).catch(() => undefined);
};
