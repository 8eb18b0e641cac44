// Starts the exam server on the embedded lowdb store: refuses to start on broken rules-data, creates an
// administrator on first start (its password goes to a file only the server's user can read, never to
// the log), and listens. An expired mock exam is graded the moment anyone touches it.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.js';
import { hashPassword } from './accounts/passwords.js';
import { newId } from './accounts/tokens.js';
import { configFromEnvironment } from './config.js';
import { checkRulesData } from './rules-data-check.js';
import { openLowdbRepository } from './store/lowdb-repository.js';

const config = configFromEnvironment();

const broken = checkRulesData();
if (broken) {
  console.error(`规则数据有误，服务未启动 / rules-data is broken, server not started:\n${broken}`);
  process.exit(3);
}

const repository = await openLowdbRepository(config.dataDirectory);

if ((await repository.countUsers()) === 0) {
  const password = randomBytes(12).toString('base64url');
  const file = join(config.dataDirectory, 'initial-admin-password.txt');
  // 0600 from the first byte (mode applies at creation); 'wx' refuses to follow or reuse an existing file.
  writeFileSync(file, `username: admin\npassword: ${password}\n`, { mode: 0o600, flag: 'wx' });
  await repository.createUser({ id: newId(), username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword(password), createdAt: new Date().toISOString() });
  console.log(`首次启动：已创建管理员账号 admin，密码写入（仅本用户可读）/ administrator created, password written to:\n  ${file}\n  登录后请修改密码并删除该文件 / change the password after logging in and delete the file`);
}

const app = createApp({ repository, config });
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`安全生产考试服务已启动 / Anquan exam server: http://${config.host}:${port}/  (data: ${config.dataDirectory})`);
  // ANQUAN_WARM_UP=0 skips generating every question at start (tests that measure the process itself).
  if (process.env.ANQUAN_WARM_UP === '0') return;
  const started = Date.now();
  (app.locals.warmUp as () => Promise<void>)().then(
    () => console.log(`题库已生成 / questions ready (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (error: unknown) => console.error('题库生成失败 / question generation failed:', error instanceof Error ? error.message : error),
  );
});

const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
