// Starts the exam server on PostgreSQL when DATABASE_URL is set, else on the embedded store in the data
// directory (one process per directory: a second one refuses to start). Refuses to start on broken
// rules-data; creates an administrator on first start (its password goes to a file only the server's user
// can read, never to the log), and listens. A store that cannot be opened stops the start with one clear
// message, no stack trace. An expired mock exam is graded the moment anyone touches it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.js';
import { hashPassword } from './accounts/passwords.js';
import { newId } from './accounts/tokens.js';
import { configFromEnvironment } from './config.js';
import { checkRulesData } from './rules-data-check.js';
import { DataDirectoryLockedError, StorageError, UsernameTakenError } from './store/errors.js';
import { openRepository } from './store/open-repository.js';

const config = configFromEnvironment();

const broken = checkRulesData();
if (broken) {
  console.error(`规则数据有误，服务未启动 / rules-data is broken, server not started:\n${broken}`);
  process.exit(3);
}

const opened = await openRepository({ databaseUrl: process.env.DATABASE_URL, dataDirectory: config.dataDirectory }).catch((error: unknown) => {
  if (error instanceof DataDirectoryLockedError) console.error(error.message);
  else if (error instanceof StorageError) console.error(`无法打开数据存储，服务未启动 / cannot open the store, not starting:\n  ${error.toString()}`);
  else throw error;
  process.exit(1);
});
const { repository } = opened;

if ((await repository.countUsers()) === 0) {
  const password = randomBytes(12).toString('base64url');
  const admin = { id: newId(), username: 'admin', displayName: '管理员', role: 'admin' as const, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() };
  // Several processes on one database may start together: the one whose administrator is stored writes it.
  const created = await repository.createUser(admin).then(
    () => true,
    (error: unknown) => {
      if (error instanceof UsernameTakenError) return false;
      throw error;
    },
  );
  if (created) {
    mkdirSync(config.dataDirectory, { recursive: true });
    const file = join(config.dataDirectory, 'initial-admin-password.txt');
    // A file left by an earlier store is replaced, never followed: removed first, then created 0600 ('wx').
    rmSync(file, { force: true });
    writeFileSync(file, `username: admin\npassword: ${password}\n`, { mode: 0o600, flag: 'wx' });
    console.log(`首次启动：已创建管理员账号 admin，密码写入（仅本用户可读）/ administrator created, password written to:\n  ${file}\n  登录后请修改密码并删除该文件 / change the password after logging in and delete the file`);
  }
}

// Expired sessions and old rate-limit hits are deleted hourly (and once at start).
const purge = () => void repository.purgeExpired(new Date().toISOString()).catch((error: unknown) => console.error(`清理过期会话失败 / purge failed: ${String(error)}`));
purge();
setInterval(purge, 3_600_000).unref();

// Several processes may serve one PostgreSQL database: their login limits are counted there, together.
const app = createApp({ repository, config, limitsInStore: Boolean(process.env.DATABASE_URL) });
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`安全生产考试服务已启动 / Anquan exam server: http://${config.host}:${port}/  (data: ${opened.description})`);
  // ANQUAN_WARM_UP=0 leaves questions to be generated on first use (restart-heavy tests).
  if (process.env.ANQUAN_WARM_UP === '0') return;
  const started = Date.now();
  (app.locals.warmUp as () => Promise<void>)().then(
    () => console.log(`题库已生成 / questions ready (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (error: unknown) => console.error('题库生成失败 / question generation failed:', error instanceof Error ? error.message : error),
  );
});

const shutdown = () =>
  server.close(() => {
    void repository.close().finally(() => process.exit(0));
  });
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
