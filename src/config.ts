import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from the environment, parsed once into a frozen object.
 * A bad value stops the process with a message naming the variable.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  WATCHFLOOR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  WATCHFLOOR_CENTER_NAME: z.string().min(1).max(200).default('Watchfloor Fusion Center'),
  WATCHFLOOR_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  WATCHFLOOR_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  WATCHFLOOR_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  WATCHFLOOR_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  WATCHFLOOR_MAX_INGEST_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 ** 3),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  centerName: string;
  logLevel: z.infer<typeof envSchema>['WATCHFLOOR_LOG_LEVEL'];
  sessionHours: number;
  secureCookies: boolean;
  maxBodyBytes: number;
  maxIngestBytes: number;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.WATCHFLOOR_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    centerName: e.WATCHFLOOR_CENTER_NAME,
    logLevel: e.WATCHFLOOR_LOG_LEVEL,
    sessionHours: e.WATCHFLOOR_SESSION_HOURS,
    secureCookies: e.WATCHFLOOR_SECURE_COOKIES,
    maxBodyBytes: e.WATCHFLOOR_MAX_BODY_BYTES,
    maxIngestBytes: e.WATCHFLOOR_MAX_INGEST_BYTES,
  });
}
