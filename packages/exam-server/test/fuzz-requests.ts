// Arbitraries for the fuzz suite: requests over every operation of the OpenAPI document and every form
// route, authenticated and not, with malformed paths, queries, headers and bodies mixed with valid ones.
import fc from 'fast-check';
import { openApiOperations } from '../src/routes/openapi.js';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Identities {
  /** Bearer tokens by role. */
  tokens: Record<'trainee' | 'enterprise' | 'admin', string>;
  /** Cookie sessions by role, with their CSRF token. */
  cookies: Record<'trainee' | 'enterprise' | 'admin', { cookie: string; csrf: string }>;
  /** Real ids to put in paths now and then, so requests reach deep into the routes. */
  ids: { attempts: string[]; questions: string[]; blueprints: string[]; sectors: string[]; assessments: string[]; items: string[] };
}

const pagePaths: [method: string, path: string][] = [
  ['GET', '/'],
  ['GET', '/login'],
  ['POST', '/login'],
  ['GET', '/register'],
  ['POST', '/register'],
  ['POST', '/logout'],
  ['GET', '/account'],
  ['POST', '/account/password'],
  ['GET', '/exams'],
  ['POST', '/exams'],
  ['GET', '/attempts/{id}'],
  ['POST', '/attempts/{id}/answer'],
  ['POST', '/attempts/{id}/submit'],
  ['GET', '/attempts/{id}/review'],
  ['GET', '/practice'],
  ['POST', '/practice'],
  ['POST', '/favourites'],
  ['GET', '/mistakes'],
  ['GET', '/history'],
  ['GET', '/admin'],
  ['POST', '/admin/blueprints/{id}'],
  ['POST', '/admin/bank'],
  ['POST', '/admin/users/password'],
  ['GET', '/assessments'],
  ['POST', '/assessments'],
  ['GET', '/assessments/{id}'],
  ['POST', '/assessments/{id}'],
  ['GET', '/assessments/{id}/edit'],
  ['GET', '/assessments/{id}/report.json'],
  ['POST', '/assessments/{id}/rectifications/{itemId}'],
];

const apiPaths: [method: string, path: string][] = [...openApiOperations.map(([method, path]) => [method.toUpperCase(), `/api/v1${path}`] as [string, string]), ['GET', '/api/v1/openapi.json']];

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '%ZZ', '%', '%00', '%C0%AF', '..', '../../etc/passwd', '__proto__', 'constructor', 'null', 'undefined', '-1', '1e400', 'NaN', '0x10', '<script>alert(1)</script>', '{{user}}', "' OR 1=1 --", '\u0000', '\uFFFF', '😀', 'A'.repeat(300)),
  fc.integer().map(String),
  fc.double().map(String),
);

const segment = (real: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: weirdText.map(encodeURIComponent) },
    // Sent as they are: undecodable or path-like segments.
    { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%', '%00', '%C0%AF', '..', '%2e%2e', '%2F', '%E4%B8', '.') },
    { weight: 2, arbitrary: real.length ? fc.constantFrom(...real).map(encodeURIComponent) : fc.constant('x') },
  );

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.boolean(), fc.integer(), fc.double(), weirdText, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(weirdText, tie('value'), { maxKeys: 5 })),
})).value;

/** Bodies shaped like the operation's (a few known field names with good and bad values), or anything. */
const fieldNames = ['username', 'password', 'displayName', 'role', 'blueprintId', 'seed', 'answer', 'marked', 'questionId', 'queue', 'position', 'sector', 'facts', 'asOf', 'currentPassword', 'newPassword', 'durationMinutes', 'passMark', 'sections', 'status', 'responsible', 'note', 'format', 'topic', 'text', '_csrf', 'go', 'stay', 'mark', 'on', 'back', 'next', 'mode', 'chapter'];

const fieldValue = (ids: Identities['ids']) =>
  fc.oneof(
    jsonValue,
    fc.constantFrom('correct horse 1', 'admin', 'trainee', 'enterprise', 'T', 'F', 'A', ['A'], ['A', 'B'], ['T'], 'coal-mine', '2026-09-01', '2026-02-30', 'csv', 'gift', 'open', 'rectifying', 'closed', 1, 0, -1, 601, true),
    fc.constantFrom(...ids.blueprints, ...ids.questions, ...ids.sectors),
    fc.array(fc.record({ type: fc.constantFrom('judgement', 'single', 'multiple', 'essay'), count: fc.integer({ min: -2, max: 500 }), points: fc.double({ min: -1, max: 100, noNaN: false }) }), { maxLength: 4 }),
  );

const shapedObject = (ids: Identities['ids']) => fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames) }, weirdText), fieldValue(ids), { maxKeys: 6 });

const nested = fc.integer({ min: 1, max: 50_000 }).map((depth) => `{"answer":${'['.repeat(depth)}${']'.repeat(depth)}}`);

interface BodyChoice {
  contentType?: string;
  body?: string;
  contentEncoding?: string;
}

const bodyFor = (ids: Identities['ids'], form: boolean, csrf: string | undefined): fc.Arbitrary<BodyChoice> => {
  const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));
  const encodeForm = (object: Record<string, unknown>) => new URLSearchParams(Object.entries({ ...(csrf ? { _csrf: csrf } : {}), ...object }).flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [key, asText(item)]) : [[key, asText(value)]]))).toString();
  return fc.oneof(
    { weight: 6, arbitrary: shapedObject(ids).map((object) => (form ? { contentType: 'application/x-www-form-urlencoded', body: encodeForm(object) } : { contentType: 'application/json', body: JSON.stringify(object) })) },
    { weight: 2, arbitrary: jsonValue.map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })) },
    { weight: 1, arbitrary: fc.constant<BodyChoice>({}) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((body) => ({ contentType: 'application/json', body })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((body) => ({ contentType: 'application/x-www-form-urlencoded', body })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('application/xml', 'multipart/form-data; boundary=x', 'text/csv', 'text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded; charset=utf-16', 'image/png', 'application/json; charset=utf-8'), fc.string({ maxLength: 200 })).map(([contentType, body]) => ({ contentType, body })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('gzip', 'br', 'deflate', 'x-unknown', 'gzip, gzip', 'identity'), fc.string({ maxLength: 50 })).map(([contentEncoding, body]) => ({ contentType: form ? 'application/x-www-form-urlencoded' : 'application/json', body, contentEncoding })) },
    { weight: 1, arbitrary: nested.map((body) => ({ contentType: 'application/json', body })) },
    { weight: 1, arbitrary: fc.integer({ min: 4990, max: 5100 }).map((count) => ({ contentType: 'application/x-www-form-urlencoded', body: Array.from({ length: count }, (_, index) => `f${index}=1`).join('&') })) },
    { weight: 1, arbitrary: fc.constantFrom(10_000, 10_001, 100_000).map((length) => ({ contentType: form ? 'application/x-www-form-urlencoded' : 'application/json', body: form ? `username=${'u'.repeat(length)}&password=x` : JSON.stringify({ username: 'u'.repeat(length), queue: 'q'.repeat(length), answer: ['A'], questionId: 'x', password: 'x' }) })) },
  );
};

const queryFor = (ids: Identities['ids']) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    {
      weight: 3,
      arbitrary: fc
        .dictionary(fc.constantFrom('blueprintId', 'chapter', 'mode', 'position', 'format', 'topic', 'sector', 'asOf', 'q', 'next', 'message', 'seed'), fc.oneof(weirdText, fc.constantFrom(...ids.blueprints, 'csv', 'gift', 'random', 'recite', 'mistakes', 'favourites', 'sequential', '2026-09-01', 'coal-mine', '99999999999')), { maxKeys: 4 })
        .map((query) => `?${new URLSearchParams(query).toString()}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('?a=%ZZ', '?position[]=1', '?format=csv&format=gift', '?mode=recite&position=-1', '?__proto__[x]=1', '?' + 'a=1&'.repeat(2000)) },
  );

type Auth = { kind: 'none' } | { kind: 'bearer'; role: keyof Identities['tokens'] } | { kind: 'garbage' } | { kind: 'cookie'; role: keyof Identities['cookies']; csrf: 'right' | 'wrong' | 'none' };

const authArbitrary: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
  { weight: 4, arbitrary: fc.constantFrom('trainee', 'enterprise', 'admin').map((role) => ({ kind: 'bearer', role }) as Auth) },
  { weight: 1, arbitrary: fc.constant<Auth>({ kind: 'garbage' }) },
  { weight: 3, arbitrary: fc.record({ role: fc.constantFrom('trainee', 'enterprise', 'admin'), csrf: fc.constantFrom('right', 'right', 'right', 'wrong', 'none') }).map(({ role, csrf }) => ({ kind: 'cookie', role, csrf }) as Auth) },
);

export const fuzzRequest = (identities: Identities): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      route: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...apiPaths) }, { weight: 2, arbitrary: fc.constantFrom(...pagePaths) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.constantFrom(...apiPaths.map(([, path]) => path), ...pagePaths.map(([, path]) => path), '/static/app.css', '/static/../package.json', '/api/v2/x', '/%ZZ')) }),
      segments: fc.array(segment([...identities.ids.attempts, ...identities.ids.questions, ...identities.ids.blueprints, ...identities.ids.sectors, ...identities.ids.assessments, ...identities.ids.items, 'admin', 'someone']), { minLength: 3, maxLength: 3 }),
      query: queryFor(identities.ids),
      auth: authArbitrary,
      garbageHeaders: fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({ cookie: 'aq_session=%ZZ; aq_presession=%' }, { authorization: 'Bearer ' + 'x'.repeat(500) }, { authorization: 'Basic Zm9vOmJhcg==' }, { 'x-csrf-token': 'x' }, { cookie: '=;;==; aq_session' }) }),
      bodySeed: fc.nat(),
    })
    .chain(({ route, segments, query, auth, garbageHeaders }) => {
      const [method, template] = route;
      let index = 0;
      const path = template.replace(/\{\w+\}/g, () => segments[index++ % segments.length]!) + query;
      const headers: Record<string, string> = { ...garbageHeaders };
      let csrf: string | undefined;
      if (auth.kind === 'bearer') headers.authorization = `Bearer ${identities.tokens[auth.role]}`;
      if (auth.kind === 'garbage') headers.authorization = 'Bearer not-a-session';
      if (auth.kind === 'cookie') {
        const session = identities.cookies[auth.role];
        headers.cookie = session.cookie;
        csrf = auth.csrf === 'right' ? session.csrf : auth.csrf === 'wrong' ? 'A'.repeat(43) : undefined;
      }
      const form = !path.startsWith('/api/');
      const withBody = !['GET', 'HEAD'].includes(method);
      if (!withBody) return fc.constant<FuzzRequest>({ method, path, headers });
      return bodyFor(identities.ids, form, csrf).map((choice): FuzzRequest => {
        const all = { ...headers };
        if (choice.contentType) all['content-type'] = choice.contentType;
        if (choice.contentEncoding) all['content-encoding'] = choice.contentEncoding;
        if (csrf && !form) all['x-csrf-token'] = csrf;
        return { method, path, headers: all, ...(choice.body !== undefined ? { body: choice.body } : {}) };
      });
    });
