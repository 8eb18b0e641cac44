// Errors a route turns into a clear 4xx: what went wrong, in Chinese first, and which field.
export class RequestError extends Error {
  readonly status: number;
  readonly issues: { path: string; message: string }[];
  /** Response headers the status needs (Retry-After on 429). */
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, issues: { path: string; message: string }[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'RequestError';
    this.status = status;
    this.issues = issues;
    this.headers = headers;
  }
}

export const notFound = (what: string) => new RequestError(404, `未找到${what} / not found`);
export const forbidden = () => new RequestError(403, '无权访问 / forbidden');
