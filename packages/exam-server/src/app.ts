// Builds the express app (testable without listening): pages, the JSON API, security middleware, and the
// one error path every failure goes through.
import express, { type NextFunction, type Request, type Response } from 'express';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, todayInChina } from '@anquan/rules';
import { createAccountLimiters, createAccounts, defaultLoginLimits, type LoginLimits } from './accounts/accounts.js';
import { createAuth } from './accounts/auth.js';
import { createAdminService } from './admin/service.js';
import { createExamService } from './attempts/service.js';
import type { ServerConfig } from './config.js';
import { RequestError } from './errors.js';
import { createQuestionCatalogue } from './questions/catalogue.js';
import { answerSave, answerSavePath, apiRouter } from './routes/api.js';
import { assessmentsRouter } from './routes/assessments.js';
import { calculatorsRouter } from './routes/calculators.js';
import { evidenceFormUpload, evidenceUpload, ledgerRouter } from './routes/ledger.js';
import { regulatorRouter, screeningFormUpload, screeningUpload } from './routes/regulator.js';
import { riskRouter } from './routes/risk.js';
import { pagesRouter } from './routes/pages.js';
import { declareRequestFields } from './request-shape.js';
import { createViews } from './routes/views.js';
import type { Repository } from './store/repository.js';
import { checkShape } from './validate.js';

export interface AppDependencies {
  repository: Repository;
  config: Pick<ServerConfig, 'secureCookies' | 'mistakesToClear' | 'asOf'> & Partial<Pick<ServerConfig, 'trustProxy'>> & { loginLimits?: Partial<LoginLimits> };
  /** Count login limits in the store, shared by every process on it (PostgreSQL); otherwise in this process. */
  limitsInStore?: boolean;
  now?: () => Date;
  /** Tests only: the seed of each paper drawn (so a browser run is repeatable); by default a fresh random id. */
  newPaperSeed?: () => string;
}

const here = dirname(fileURLToPath(import.meta.url));

const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/** body-parser and the router tag their errors with a status and a type; those are the client's fault. */
const clientFailure = (error: unknown): RequestError | undefined => {
  if (error instanceof RequestError) return error;
  if (error instanceof InputError) return new RequestError(400, `输入有误：${error.issues.map((issue) => `${issue.path} ${issue.message}`).join('；')}`, error.issues);
  if (error instanceof URIError) return new RequestError(400, '网址编码有误 / malformed percent-encoding in the URL', [{ path: 'url', message: 'expected valid percent-encoding' }]);
  const tagged = error as { status?: unknown; statusCode?: unknown; type?: unknown; expose?: unknown };
  const status = typeof tagged?.status === 'number' ? tagged.status : typeof tagged?.statusCode === 'number' ? tagged.statusCode : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const messages: Record<string, [string, string]> = {
    'entity.parse.failed': ['请求体不是有效的 JSON 或表单 / the body could not be parsed', 'expected a well-formed body'],
    'entity.too.large': ['请求体过大 / body too large', 'expected a smaller body'],
    'parameters.too.many': ['表单字段过多 / too many form fields', 'expected fewer fields'],
    'encoding.unsupported': ['不支持的内容编码 / unsupported content encoding', 'expected identity, gzip, deflate or br'],
    'charset.unsupported': ['不支持的字符集 / unsupported charset', 'expected utf-8'],
    'request.aborted': ['请求中断 / request aborted', 'the body ended early'],
    'request.size.invalid': ['请求体长度不符 / body length mismatch', 'expected the declared length'],
  };
  const [message, detail] = messages[String(tagged.type)] ?? ['请求有误 / bad request', 'expected a well-formed request'];
  return new RequestError(status, message, [{ path: 'body', message: detail }]);
};

export const createApp = (dependencies: AppDependencies) => {
  const now = dependencies.now ?? (() => new Date());
  const { repository, config } = dependencies;
  const asOf = () => config.asOf ?? todayInChina(now());
  const catalogue = createQuestionCatalogue(repository, asOf);
  const exams = createExamService(repository, catalogue, { now, mistakesToClear: config.mistakesToClear, ...(dependencies.newPaperSeed ? { newPaperSeed: dependencies.newPaperSeed } : {}) });
  const auth = createAuth(repository, { secureCookies: config.secureCookies }, now);
  const accounts = createAccounts(repository, createAccountLimiters({ ...defaultLoginLimits, ...config.loginLimits }, dependencies.limitsInStore ? repository : undefined), now);
  const admin = createAdminService(repository, now, accounts);
  const views = createViews(join(here, 'views'));
  const context = { repository, catalogue, exams, auth, accounts, admin, views, now, asOf };

  const app = express();
  declareRequestFields(app);
  app.disable('x-powered-by');
  // Every response but the static files is no-store (below), so an ETag would never be used: not worth a SHA-1
  // of every body. express.static sets its own.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy ?? false);
  const securityHeaders = (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // HSTS only when the deployment says it is served over HTTPS: sent over plain HTTP it would be ignored
    // at best and lock a misconfigured site out at worst.
    if (config.secureCookies) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
  const noStore = (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  };
  const jsonBody = express.json({ limit: '2mb' });
  const checkParsedBody = (request: Request) => {
    if (typeof request.body === 'object' && request.body !== null && !Buffer.isBuffer(request.body)) checkShape(request.body);
  };

  // The busiest request, an answer save (a trainee's every choice), takes a short lane: the same middleware as any
  // other request but for what cannot apply to a JSON body (static files, uploads, the form and text parsers),
  // mounted as one route instead of some twenty layers to walk through first. Its write checks the session itself
  // (saveOwnAnswer's sessionHash), so it may take its user from this process's memory of the session instead of a
  // lookup first; every other request reads its session from the store. A body that is not JSON takes the
  // ordinary path below, to the same handler.
  app.put(
    `/api/v1${answerSavePath}`,
    securityHeaders,
    noStore,
    jsonBody,
    (request: Request, _response: Response, next: NextFunction) => {
      if (request.body === undefined) return next('route');
      checkParsedBody(request);
      next();
    },
    auth.identifyRemembered,
    auth.csrfProtection,
    answerSave(context),
  );

  app.use(securityHeaders);
  app.use('/static', express.static(join(here, 'public'), { maxAge: '1h' }));
  // Everything below the static files depends on who asks: never stored by a browser or a proxy.
  app.use(noStore);
  // Uploads are files: read as bytes (size-limited, typed by content) before the parsers below refuse them.
  for (const upload of [evidenceUpload, evidenceFormUpload, screeningUpload, screeningFormUpload]) app.post(upload.path, upload.parse);
  app.use(jsonBody);
  // A self-assessment form posts one field per fact: several hundred for a mine.
  app.use(express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 5000 }));
  app.use(express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }));
  app.use((request, _response, next) => {
    if (request.body === undefined) {
      // A body no parser above understood (XML, multipart, …): refused rather than read as empty.
      if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding']) {
        return next(new RequestError(415, '不支持的请求体类型 / unsupported media type', [{ path: 'content-type', message: 'expected application/json, application/x-www-form-urlencoded, text/csv or text/plain' }]));
      }
      request.body = {};
    } else checkParsedBody(request);
    next();
  });
  app.use(auth.identify);
  app.use(auth.csrfProtection);
  app.use('/api/v1', apiRouter(context));
  app.use('/api/v1/calculators', calculatorsRouter(context));
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
    if (request.path.startsWith('/api/')) response.status(404).json({ error: '未找到 / not found', issues: [] });
    else response.status(404).send(views.render('error', { title: '未找到', message: '页面不存在 / page not found', user: request.user, csrfToken: request.csrfToken }));
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const failure = clientFailure(error);
    // Only the error's name, message and stack: never the request, its body or its headers (passwords).
    if (!failure) console.error(`内部错误 / internal error: ${request.method} ${request.path}`, error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : typeof error);
    const status = failure?.status ?? 500;
    const message = failure?.message ?? '服务器内部错误 / internal error';
    if (response.headersSent) return void response.end();
    for (const [name, value] of Object.entries(failure?.headers ?? {})) response.setHeader(name, value);
    if (request.path.startsWith('/api/')) {
      response.status(status).json({ error: message, issues: failure?.issues ?? [] });
      return;
    }
    if (status === 401) {
      // Back here after login; a very long address is not worth a Location header clients cannot read.
      response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl.length <= 500 ? request.originalUrl : '/')}`);
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
  admin: ReturnType<typeof createAdminService>;
  views: ReturnType<typeof createViews>;
  now: () => Date;
  asOf: () => string;
};
