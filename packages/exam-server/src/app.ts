// Builds the express app (testable without listening): pages, the JSON API, security middleware.
import express, { type NextFunction, type Request, type Response } from 'express';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, todayInChina } from '@anquan/rules';
import { createAccounts } from './accounts/accounts.js';
import { createAuth } from './accounts/auth.js';
import { createRateLimiter } from './accounts/rate-limit.js';
import { createExamService } from './attempts/service.js';
import type { ServerConfig } from './config.js';
import { RequestError } from './errors.js';
import { createQuestionCatalogue } from './questions/catalogue.js';
import { apiRouter } from './routes/api.js';
import { assessmentsRouter } from './routes/assessments.js';
import { ledgerRouter } from './routes/ledger.js';
import { regulatorRouter } from './routes/regulator.js';
import { riskRouter } from './routes/risk.js';
import { pagesRouter } from './routes/pages.js';
import { createViews } from './routes/views.js';
import type { Repository } from './store/repository.js';

export interface AppDependencies {
  repository: Repository;
  config: Pick<ServerConfig, 'secureCookies' | 'mistakesToClear' | 'asOf'>;
  now?: () => Date;
}

const here = dirname(fileURLToPath(import.meta.url));

export const createApp = (dependencies: AppDependencies) => {
  const now = dependencies.now ?? (() => new Date());
  const { repository, config } = dependencies;
  const asOf = () => config.asOf ?? todayInChina(now());
  const catalogue = createQuestionCatalogue(repository, asOf);
  const exams = createExamService(repository, catalogue, { now, mistakesToClear: config.mistakesToClear });
  const auth = createAuth(repository, { secureCookies: config.secureCookies }, now);
  const accounts = createAccounts(repository, createRateLimiter(5, 15 * 60_000), now);
  const views = createViews(join(here, 'views'));
  const context = { repository, catalogue, exams, auth, accounts, views, now, asOf };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'");
    next();
  });
  app.use('/static', express.static(join(here, 'public'), { maxAge: '1h' }));
  app.use(express.json({ limit: '2mb' }));
  // A self-assessment form posts one field per fact: several hundred for a mine.
  app.use(express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 5000 }));
  app.use(express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }));
  app.use(auth.identify);
  app.use(auth.csrfProtection);
  app.use('/api/v1', apiRouter(context));
  app.use('/', assessmentsRouter(context));
  app.use('/', ledgerRouter(context));
  app.use('/', regulatorRouter(context));
  app.use('/', riskRouter(context));
  app.use('/', pagesRouter(context));
  // Generating questions takes a few seconds per sector: server.ts warms the cache after listening.
  app.locals.warmUp = async () => {
    for (const blueprint of await exams.blueprints()) await catalogue.forSources(blueprint.sources);
  };

  app.use((request: Request, response: Response) => {
    if (request.path.startsWith('/api/')) response.status(404).json({ error: '未找到 / not found' });
    else response.status(404).send(views.render('error', { title: '未找到', message: '页面不存在 / page not found', user: request.user, csrfToken: request.csrfToken }));
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const known = error instanceof RequestError ? error : error instanceof InputError ? new RequestError(400, `输入有误：${error.issues.map((issue) => `${issue.path} ${issue.message}`).join('；')}`, error.issues) : undefined;
    const parseError = (error as { type?: string }).type === 'entity.parse.failed' ? new RequestError(400, '请求体不是有效的 JSON / invalid JSON body', [{ path: 'body', message: 'expected valid JSON' }]) : undefined;
    const failure = known ?? parseError;
    if (!failure) console.error(error);
    const status = failure?.status ?? 500;
    const message = failure?.message ?? '服务器内部错误 / internal error';
    if (request.path.startsWith('/api/')) {
      response.status(status).json({ error: message, issues: failure?.issues ?? [] });
      return;
    }
    if (status === 401) {
      response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    response.status(status).send(views.render('error', { title: `出错了（${status}）`, message, issues: failure?.issues ?? [], user: request.user, csrfToken: request.csrfToken }));
  });
  return app;
};

export type AppContext = {
  repository: Repository;
  catalogue: ReturnType<typeof createQuestionCatalogue>;
  exams: ReturnType<typeof createExamService>;
  auth: ReturnType<typeof createAuth>;
  accounts: ReturnType<typeof createAccounts>;
  views: ReturnType<typeof createViews>;
  now: () => Date;
  asOf: () => string;
};
