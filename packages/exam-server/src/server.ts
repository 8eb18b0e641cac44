// Starts the exam server on the embedded lowdb store: creates an administrator on first start (the
// credentials are printed once), and listens. An expired mock exam is graded the moment anyone touches it.
import { randomBytes } from 'node:crypto';
import { createApp } from './app.js';
import { hashPassword } from './accounts/passwords.js';
import { newId } from './accounts/tokens.js';
import { configFromEnvironment } from './config.js';
import { openLowdbRepository } from './store/lowdb-repository.js';

const config = configFromEnvironment();
const repository = await openLowdbRepository(config.dataDirectory);

if ((await repository.countUsers()) === 0) {
  const password = randomBytes(12).toString('base64url');
  await repository.createUser({ id: newId(), username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword(password), createdAt: new Date().toISOString() });
  console.log(`首次启动：已创建管理员账号 / administrator created\n  用户名 username: admin\n  密码 password: ${password}\n  （仅显示这一次，请妥善保存 / shown once only）`);
}

const app = createApp({ repository, config });
const server = app.listen(config.port, config.host, () => {
  console.log(`安全生产考试服务已启动 / Anquan exam server: http://${config.host}:${config.port}/  (data: ${config.dataDirectory})`);
  const started = Date.now();
  (app.locals.warmUp as () => Promise<void>)().then(
    () => console.log(`题库已生成 / questions ready (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (error: unknown) => console.error('题库生成失败 / question generation failed:', error),
  );
});

const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
