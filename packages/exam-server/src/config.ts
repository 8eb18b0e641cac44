// Server settings from the environment, with defaults that work on a fresh machine.
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDirectory: string;
  secureCookies: boolean;
  mistakesToClear: number;
  /** Date whose rules the exams teach; default: today. */
  asOf?: string;
}

export const configFromEnvironment = (environment: NodeJS.ProcessEnv = process.env): ServerConfig => ({
  port: Number(environment.PORT ?? 3000),
  host: environment.HOST ?? '127.0.0.1',
  dataDirectory: resolve(environment.ANQUAN_DATA_DIR ?? 'data'),
  secureCookies: environment.ANQUAN_SECURE_COOKIES === '1',
  mistakesToClear: Number(environment.ANQUAN_MISTAKES_TO_CLEAR ?? 3),
  ...(environment.ANQUAN_AS_OF ? { asOf: environment.ANQUAN_AS_OF } : {}),
});
