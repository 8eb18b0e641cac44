// Sessions and CSRF. A browser holds its session in an HttpOnly, SameSite=Lax cookie (named __Host-… and
// Secure when served over HTTPS). Each form carries a synchroniser token derived from the session token
// by HMAC, so a token is worth nothing with any other session; before login, the token is derived from
// a short-lived pre-session cookie instead. Two kinds of request cannot be forged by another site and
// skip the check: those carrying the session as a Bearer header, and those whose body type no cross-site
// form can send without a CORS preflight we never grant (JSON, CSV).
import { createHmac } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestError } from '../errors.js';
import type { Repository, Role, User } from '../store/repository.js';
import { hashToken, newToken, sameToken } from './tokens.js';

export const sessionDays = 7;
const preSessionHours = 2;
const purgeEveryMs = 60 * 60_000;

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
      /** Hash of the session token this request came with, when it is a live session. */
      sessionHash?: string;
      /** Set once the request's session has been looked at (identify runs once however it is mounted). */
      identified?: boolean;
      /**
       * The user was taken from what this process remembers of the session, not read from the store: only for a
       * route whose write checks the session itself (identifyRemembered); anything else confirms it first (confirmUser).
       */
      rememberedUser?: boolean;
    }
  }
}

/** Cookie names: the __Host- prefix (Secure, path /, no Domain) whenever cookies are Secure. */
export const cookieNames = (options: AuthOptions) => {
  const prefix = options.secureCookies ? '__Host-' : '';
  return { session: `${prefix}aq_session`, preSession: `${prefix}aq_presession` };
};

export const parseCookies = (header: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const index = part.indexOf('=');
        if (index < 0) return [part, ''];
        const raw = part.slice(index + 1);
        try {
          return [part.slice(0, index), decodeURIComponent(raw)];
        } catch {
          return [part.slice(0, index), raw];
        }
      }),
  );

/** The form token of a session (or pre-session) token: knowing it reveals nothing about the session. */
export const csrfTokenFor = (secret: string): string => createHmac('sha256', secret).update('anquan csrf v1').digest('base64url');

const bearerToken = (request: Request) => /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];

/** A body type outside the CORS-safelisted ones (form, multipart, text/plain) needs a preflight. */
const preflightedBody = (request: Request): boolean => {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type !== '' && !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type);
};

/** How many live sessions this process remembers (each entry: two short strings and the user it was read with). */
const rememberedSessions = 4096;

/** What this process remembers of a live session it has read from the store. */
interface RememberedSession {
  user: User;
  /** Its form token: an HMAC of the session token, the same on every request. */
  csrf: string;
}

export const createAuth = (repository: Repository, options: AuthOptions, now: () => Date) => {
  const names = cookieNames(options);
  // Live sessions as last read from the store, by the session's hash (never the token itself), bounded, oldest
  // dropped. Their form token (an HMAC of the token: an API client saving answers paid a fresh HMAC per request)
  // serves every request; their user serves only the routes mounted with identifyRemembered, whose write checks the
  // session itself (an answer save: one statement on PostgreSQL instead of a session lookup and then the save).
  // Every other request reads its session from the store, so a logout in another process holds at once.
  const remembered = new Map<string, RememberedSession>();
  const remember = (tokenHash: string, token: string, user: User): string => {
    const known = remembered.get(tokenHash);
    if (known) {
      known.user = user;
      return known.csrf;
    }
    if (remembered.size >= rememberedSessions) remembered.delete(remembered.keys().next().value!);
    const csrf = csrfTokenFor(token);
    remembered.set(tokenHash, { user, csrf });
    return csrf;
  };
  const cookieOptions = (maxAgeMs?: number) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
    path: '/',
    ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
  });
  const exposeCsrf = (request: Request, response: Response, token: string) => {
    request.csrfToken = token;
    // Scripts and API clients using the cookie read the token here (other origins cannot: no CORS).
    response.setHeader('X-CSRF-Token', token);
  };

  /**
   * Loads the user from the cookie or Bearer token, and gives the visitor the CSRF token of its session. With
   * `mayRemember`, a session this process has read before is not read again (see `remembered`).
   */
  const identifyWith = (mayRemember: boolean) => async (request: Request, response: Response, next: NextFunction) => {
    if (request.identified) return next();
    request.identified = true;
    try {
      const cookies = parseCookies(request.headers.cookie);
      const bearer = bearerToken(request);
      request.bearer = Boolean(bearer);
      const token = bearer ?? cookies[names.session];
      if (token && token.length <= 200) {
        const tokenHash = hashToken(token);
        const known = mayRemember ? remembered.get(tokenHash) : undefined;
        request.user = known?.user ?? (await repository.findSessionUser(tokenHash, now().toISOString()));
        request.rememberedUser = known !== undefined;
        if (request.user) request.sessionHash = tokenHash;
        else remembered.delete(tokenHash);
      }
      if (request.user) {
        exposeCsrf(request, response, remember(request.sessionHash!, token!, request.user));
      } else {
        let preSession = cookies[names.preSession];
        if (!preSession || preSession.length < 40 || preSession.length > 100) {
          preSession = newToken();
          response.cookie(names.preSession, preSession, cookieOptions(preSessionHours * 3_600_000));
        }
        exposeCsrf(request, response, csrfTokenFor(preSession));
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  /** State-changing requests from a browser must repeat the token of their own session. */
  const csrfProtection = (request: Request, _response: Response, next: NextFunction) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.bearer || preflightedBody(request)) return next();
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
    if (!sameToken(typeof sent === 'string' ? sent : undefined, request.csrfToken)) {
      return next(new RequestError(403, '表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试 / CSRF token missing or wrong', [{ path: '_csrf', message: 'expected the CSRF token of this page' }]));
    }
    next();
  };

  let lastPurge = 0;
  const startSession = async (request: Request, response: Response, user: User): Promise<string> => {
    const at = now();
    if (at.getTime() - lastPurge > purgeEveryMs) {
      lastPurge = at.getTime();
      await repository.purgeExpired(at.toISOString());
    }
    // A login replaces the session the browser came with (no session fixation).
    if (request.sessionHash) await repository.deleteSession(request.sessionHash);
    const token = newToken();
    const expires = new Date(at.getTime() + sessionDays * 86_400_000);
    await repository.createSession({ tokenHash: hashToken(token), userId: user.id, createdAt: at.toISOString(), expiresAt: expires.toISOString() });
    if (!request.bearer) response.cookie(names.session, token, cookieOptions(sessionDays * 86_400_000));
    request.sessionHash = hashToken(token);
    exposeCsrf(request, response, csrfTokenFor(token));
    return token;
  };

  /**
   * The request's user as the store has it now: a remembered user is read again (a 401 when its session has ended
   * meanwhile, in this process or another), any other is the one identify read.
   */
  const confirmUser = async (request: Request): Promise<User> => {
    if (request.rememberedUser && request.sessionHash) {
      request.rememberedUser = false;
      request.user = await repository.findSessionUser(request.sessionHash, now().toISOString());
      const known = remembered.get(request.sessionHash);
      if (!request.user) remembered.delete(request.sessionHash);
      else if (known) known.user = request.user;
    }
    return requireUser(request);
  };

  const endSession = async (request: Request, response: Response) => {
    if (request.sessionHash) {
      remembered.delete(request.sessionHash);
      await repository.deleteSession(request.sessionHash);
    }
    response.clearCookie(names.session, { path: '/', secure: options.secureCookies, httpOnly: true, sameSite: 'lax' });
  };

  /** After a password change: every other session of the user ends; this one stays. */
  const endOtherSessions = async (request: Request, user: User) => repository.deleteUserSessions(user.id, request.sessionHash);
  const endAllSessions = async (user: User) => repository.deleteUserSessions(user.id);

  return {
    identify: identifyWith(false),
    /** For a route whose write checks the session itself (saveOwnAnswer's sessionHash); see `remembered`. */
    identifyRemembered: identifyWith(true),
    confirmUser,
    csrfProtection,
    startSession,
    endSession,
    endOtherSessions,
    endAllSessions,
  };
};

/** The signed-in user, or a 401 (pages redirect to the login form instead; see app.ts). */
export const requireUser = (request: Request, roles?: Role[]): User => {
  if (!request.user) throw new RequestError(401, '请先登录 / please log in');
  if (roles && !roles.includes(request.user.role)) throw new RequestError(403, '无权访问 / forbidden');
  return request.user;
};
