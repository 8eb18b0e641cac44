// Server settings from the environment, with defaults that work on a fresh machine (see the README's
// "Running behind HTTPS" section for the two that matter in production).
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDirectory: string;
  /** Cookies marked Secure with the __Host- prefix, and HSTS sent: set when users reach the server over HTTPS. */
  secureCookies: boolean;
  /**
   * Express's `trust proxy`: false (default) uses the socket's address for login limits; a number of hops,
   * or a list of proxy addresses/subnets, takes the client address from X-Forwarded-For.
   */
  trustProxy: boolean | number | string;
  mistakesToClear: number;
  /** Date whose rules the exams teach; default: today. */
  asOf?: string;
}

const trustProxyFrom = (value: string | undefined): ServerConfig['trustProxy'] => {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
};

export const configFromEnvironment = (environment: NodeJS.ProcessEnv = process.env): ServerConfig => ({
  port: Number(environment.PORT ?? 3000),
  host: environment.HOST ?? '127.0.0.1',
  dataDirectory: resolve(environment.ANQUAN_DATA_DIR ?? 'data'),
  secureCookies: environment.ANQUAN_SECURE_COOKIES === '1',
  trustProxy: trustProxyFrom(environment.ANQUAN_TRUST_PROXY),
  mistakesToClear: Number(environment.ANQUAN_MISTAKES_TO_CLEAR ?? 3),
  ...(environment.ANQUAN_AS_OF ? { asOf: environment.ANQUAN_AS_OF } : {}),
});
