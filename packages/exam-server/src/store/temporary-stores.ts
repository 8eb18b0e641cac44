// Embedded stores in throwaway directories for the store's own tests: each directory and store is tracked so
// that one `closeAll()` (in the test's afterEach) closes the stores and removes the directories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbRepository } from './lowdb-repository.js';
import type { Repository } from './repository.js';

export const temporaryStores = (prefix: string) => {
  const directories: string[] = [];
  const stores: Repository[] = [];
  const directory = () => {
    const created = mkdtempSync(join(tmpdir(), prefix));
    directories.push(created);
    return created;
  };
  const open = async (where: string, options: Parameters<typeof openLowdbRepository>[1] = {}) => {
    const store = await openLowdbRepository(where, options);
    stores.push(store);
    return store;
  };
  /** Tracks a store opened some other way, to be closed by `closeAll()`. */
  const adopt = (store: Repository) => void stores.push(store);
  /** Closes `store` now, as a clean shutdown would; `closeAll()` then leaves it alone. */
  const close = async (store: Repository) => {
    await store.close();
    stores.splice(stores.indexOf(store), 1);
  };
  /** Closes `store` and opens its directory again, as a restart would. */
  const reopen = async (store: Repository, where: string) => {
    await close(store);
    return open(where);
  };
  const closeAll = async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const created of directories.splice(0)) rmSync(created, { recursive: true, force: true });
  };
  return { directory, open, adopt, close, reopen, closeAll };
};
