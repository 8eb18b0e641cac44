// Errors a store raises: a storage failure (answered 503, nothing changed), a taken user name (409), a data
// directory held by another process. Each says in Chinese and English what happened and where.
import { RequestError } from '../errors.js';

export type StorageFailure = 'disk-full' | 'read-only' | 'corrupt' | 'unavailable';

const describe: Record<StorageFailure, string> = {
  'disk-full': '磁盘空间已满 / disk full',
  'read-only': '数据目录不可写 / data directory is read-only or not writable',
  corrupt: '数据文件损坏或格式不符 / data file corrupt or of the wrong shape',
  unavailable: '存储暂不可用 / storage unavailable',
};

/**
 * The store could not read or write. A request that meets one gets 503 with `message` (no file names: those
 * are for the operator, in `detail` and the server log); the change was not made, nothing is half-written.
 */
export class StorageError extends RequestError {
  readonly failure: StorageFailure;
  /** The file (and the path inside it) or the database operation concerned, for the log and for start-up. */
  readonly detail: string;
  constructor(failure: StorageFailure, detail: string, options?: { cause?: unknown }) {
    super(503, `${describe[failure]}：本次更改未保存，请稍后再试 / the change was not saved, please try again later`);
    this.name = 'StorageError';
    this.failure = failure;
    this.detail = detail;
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  /** One line for the operator: what failed and where. */
  override toString() {
    return `${describe[this.failure]}: ${this.detail}`;
  }
}

/** Maps a Node file-system error on `file` to the storage failure a person can act on. */
export const storageErrorFromSystem = (error: unknown, file: string, action: string): StorageError => {
  if (error instanceof StorageError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const failure: StorageFailure = code === 'ENOSPC' || code === 'EDQUOT' ? 'disk-full' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'read-only' : 'unavailable';
  return new StorageError(failure, `${action} ${file}: ${code ?? (error as Error | undefined)?.message ?? String(error)}`, { cause: error });
};

/** createUser on a name already registered: the loser of a registration race gets the same 409 as a late one. */
export class UsernameTakenError extends RequestError {
  constructor(username: string) {
    super(409, '该用户名已被注册 / user name taken', [{ path: 'username', message: `already taken: ${username}` }]);
    this.name = 'UsernameTakenError';
  }
}

/** A second server process on one data directory: it must not start. */
export class DataDirectoryLockedError extends Error {
  constructor(directory: string, holder: string) {
    super(`数据目录 ${directory} 已被另一个进程占用（${holder}），本进程不启动。\nThe data directory ${directory} is in use by another process (${holder}); not starting.`);
    this.name = 'DataDirectoryLockedError';
  }
}
