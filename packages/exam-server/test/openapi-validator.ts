// Checks a response received in a test against the OpenAPI document: the status must be one the
// operation declares, and a JSON body must match the declared schema (ajv, JSON Schema 2020-12).
import Ajv2020 from 'ajv/dist/2020.js';
import { openApiDocument } from '../src/routes/openapi.js';

const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');

type Responses = Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
const templates = Object.entries(document.paths).map(([template, methods]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
  methods: methods as Record<string, { responses: Responses }>,
}));

const rewrite = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(rewrite);
  if (schema && typeof schema === 'object') return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? `openapi${value}` : rewrite(value)]));
  return schema;
};
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** Returns what is wrong with the response, or undefined when it conforms. `path` is below /api/v1, without the query. */
export const openApiProblem = (method: string, path: string, status: number, contentType: string | null, body: string): string | undefined => {
  // As the server sees it: fetch resolves dot segments before sending (they may leave /api/v1 altogether),
  // and the router ignores a trailing slash.
  const resolved = new URL(`/api/v1${path}`, 'http://server').pathname;
  if (!resolved.startsWith('/api/v1/')) return undefined;
  const operationPath = resolved.slice('/api/v1'.length).replace(/(.)\/$/, '$1');
  const match = templates.filter((candidate) => candidate.pattern.test(operationPath)).sort((a, b) => a.template.split('{').length - b.template.split('{').length)[0];
  // A path no operation describes reaches no route: any refusal (404, or a body or CSRF check before routing) will do.
  if (!match) return status >= 400 && status < 500 ? undefined : `${method} ${path}: ${status} on a path the document does not describe`;
  const operation = match.methods[method.toLowerCase()];
  // A method the document does not list reaches no route: any refusal will do, never a success or a 5xx.
  if (!operation) return status >= 400 && status < 500 ? undefined : method === 'OPTIONS' || method === 'HEAD' ? undefined : `${method} ${match.template}: not in the document, yet answered ${status}`;
  const declared = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  if (!declared) return `${method} ${match.template}: status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`;
  const schema = declared.content?.['application/json']?.schema;
  if (!schema || !(contentType ?? '').includes('application/json')) return undefined;
  const key = `${method} ${match.template} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rewrite(schema) as object);
    compiled.set(key, validate);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${key}: the body is not JSON`;
  }
  return validate(parsed) ? undefined : `${key}: ${ajv.errorsText(validate.errors)}`;
};
