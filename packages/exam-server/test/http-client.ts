// Test clients for a started app: the JSON API with a Bearer token, and a browser-like client that keeps
// cookies and repeats the CSRF token its pages carry.
export type Json = Record<string, unknown> & { issues?: { path: string; message: string }[] };

export const apiClient = (base: () => string) => async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base() + '/api/v1' + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json, text };
};

export class CookieBrowser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: () => string) {}
  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }
  private get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  /** The Cookie header this browser sends, for requests it cannot make itself (multipart uploads). */
  cookieLine() {
    return this.cookieHeader;
  }
  /** The token the last page's forms carry (the hidden `_csrf` field). */
  csrf = '';
  async get(path: string) {
    const response = await fetch(this.base() + path, { headers: { cookie: this.cookieHeader }, redirect: 'manual' });
    this.keep(response);
    const html = await response.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return { response, html };
  }
  async post(path: string, fields: Record<string, string>) {
    const response = await fetch(this.base() + path, {
      method: 'POST',
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
      redirect: 'manual',
    });
    this.keep(response);
    return { response, html: await response.text() };
  }
}
