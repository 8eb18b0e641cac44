// Sessions and CSRF. A browser holds its session in an HttpOnly, SameSite=Lax cookie and every visitor a
// CSRF cookie whose value each form and state-changing request must repeat. Two kinds of request cannot
// be forged by another site and skip the check: those carrying the session as a Bearer header, and
// those whose body type no cross-site form can send without a CORS preflight we never grant (JSON, CSV).
import type { NextFunction, Request, Response } from 'express';
import { RequestError } from '../errors.js';
import type { Repository, Role, User } from '../store/repository.js';
import { hashToken, newToken, sameToken } from './tokens.js';

export const SESSION_COOKIE = 'aq_session';
export const CSRF_COOKIE = 'aq_csrf';
const sessionDays = 7;

export interface AuthOptions {
  secureCookies: boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      csrfToken: string;
      bearer: boolean;
    }
  }
}

export const parseCookies = (header: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const index = part.indexOf('=');
        return index < 0 ? [part, ''] : [part.slice(0, index), decodeURIComponent(part.slice(index + 1))];
      }),
  );

const cookieOptions = (options: AuthOptions, maxAgeMs?: number) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: options.secureCookies,
  path: '/',
  ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
});

/** A body type outside the CORS-safelisted ones (form, multipart, text/plain) needs a preflight. */
const preflightedBody = (request: Request): boolean => {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type !== '' && !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type);
};

export const createAuth = (repository: Repository, options: AuthOptions, now: () => Date) => {
  /** Loads the user from the cookie or Bearer token, and makes sure the visitor has a CSRF token. */
  const identify = async (request: Request, response: Response, next: NextFunction) => {
    try {
      const cookies = parseCookies(request.headers.cookie);
      let csrf = cookies[CSRF_COOKIE];
      if (!csrf || csrf.length < 20) {
        csrf = newToken();
        response.cookie(CSRF_COOKIE, csrf, cookieOptions(options));
      }
      request.csrfToken = csrf;
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      request.bearer = Boolean(bearer);
      const token = bearer ?? cookies[SESSION_COOKIE];
      if (token) {
        const session = await repository.findSession(hashToken(token));
        if (session && Date.parse(session.expiresAt) > now().getTime()) request.user = await repository.findUser(session.userId);
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  /** State-changing requests from a browser must repeat the CSRF cookie in a form field or header. */
  const csrfProtection = (request: Request, _response: Response, next: NextFunction) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.bearer || preflightedBody(request)) return next();
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
    if (!sameToken(typeof sent === 'string' ? sent : undefined, request.csrfToken)) {
      return next(new RequestError(403, '表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试 / CSRF token missing or wrong', [{ path: '_csrf', message: 'expected the CSRF token of this page' }]));
    }
    next();
  };

  const startSession = async (response: Response, user: User): Promise<string> => {
    const token = newToken();
    const expires = new Date(now().getTime() + sessionDays * 86_400_000);
    await repository.createSession({ tokenHash: hashToken(token), userId: user.id, createdAt: now().toISOString(), expiresAt: expires.toISOString() });
    response.cookie(SESSION_COOKIE, token, cookieOptions(options, sessionDays * 86_400_000));
    return token;
  };

  const endSession = async (request: Request, response: Response) => {
    const token = parseCookies(request.headers.cookie)[SESSION_COOKIE] ?? /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token) await repository.deleteSession(hashToken(token));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  };

  return { identify, csrfProtection, startSession, endSession };
};

/** The signed-in user, or a 401 (pages redirect to the login form instead; see routes/pages.ts). */
export const requireUser = (request: Request, roles?: Role[]): User => {
  if (!request.user) throw new RequestError(401, '请先登录 / please log in');
  if (roles && !roles.includes(request.user.role)) throw new RequestError(403, '无权访问 / forbidden');
  return request.user;
};
