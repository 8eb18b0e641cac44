// Every request and response object gets the same fields in the same order before express sees it.
//
// Express 5 gives every request a fresh closure (req.next) and every response a null-prototype object
// (res.locals); V8 then gives that one object a map (hidden class) of its own, so no two requests shared one.
// Every property added after that (the route, the parsed body, the session fields of accounts/auth.ts) made yet
// another map and a copy of its descriptors, and every property read missed the inline caches: about 9 KB of
// garbage per request in the session middleware alone. Declared up front, in one order, the fields are plain
// stores into a map all requests share: an answer save allocates about a third less.
import type { Application, Request, Response } from 'express';

/**
 * What express (router, body-parser, parseurl) and this server's middleware add to a request, in the order they
 * usually add it. A field missing here still works, only slower (request-shape.test.ts lists what an answer save adds).
 */
export const requestFields = [
  'next',
  'baseUrl',
  'originalUrl',
  '_parsedUrl',
  'route',
  'params',
  'body',
  // accounts/auth.ts
  'identified',
  'bearer',
  'user',
  'rememberedUser',
  'sessionHash',
  'csrfToken',
] as const;

/** What express adds to a response. */
export const responseFields = ['locals'] as const;

type Handle = (request: Request, response: Response, next?: unknown) => void;

/** Makes `app` declare the fields on each request and response before handling it. */
export const declareRequestFields = (app: Application): void => {
  // app.handle is where express starts on a request (`app` itself, and so app.listen, call it); not in its types.
  const handled = app as Application & { handle: Handle };
  const handle = handled.handle.bind(app) as Handle;
  handled.handle = (request, response, next) => {
    const fields = request as unknown as Record<string, unknown>;
    for (const name of requestFields) fields[name] = undefined;
    const responseFieldsOf = response as unknown as Record<string, unknown>;
    for (const name of responseFields) responseFieldsOf[name] = undefined;
    handle(request, response, next);
  };
};
