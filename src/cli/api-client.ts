import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
/**
 * The one way a CLI command acts: an HTTP API request. When a server holds the PGlite data
 * directory the request goes to it over HTTP with the local credential it left; otherwise
 * (and always with DATABASE_URL) the CLI opens the instance, builds the same Fastify app in
 * process and sends the request through `app.inject` with a short-lived token for the system
 * account. Either way the request meets the same validation, access checks and audit.
 */
import { z } from 'zod';
import type { Config } from '../config.ts';
import { readCredential, readLock } from '../db/data-dir-lock.ts';
import type { Opened } from '../main.ts';
import {
  ApiProblemError,
  CliEnvironmentError,
  explainOpenError,
  type ApiProblem,
} from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type ApiClient = {
  /** `server`: HTTP to the running server; `in-process`: app.inject on an instance we opened. */
  readonly via: 'server' | 'in-process';
  /** `path` is below /api/v1. Resolves with the parsed body; throws ApiProblemError otherwise. */
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
  /** As `request`, for endpoints that answer a document (GraphML, CSV): its text. */
  requestText(method: HttpMethod, path: string, body?: unknown): Promise<string>;
  /** POSTs multipart form data, streamed (file parts are file-backed Blobs, never loaded whole). */
  upload<T>(path: string, form: FormData): Promise<T>;
  close(): Promise<void>;
};

export type ClientOptions = {
  /** In-process only: run queued ingest jobs in this process (the ingest command waits for them). */
  ingestWorker?: boolean;
};

const API_PREFIX = '/api/v1';
export const IN_PROCESS_TOKEN_NAME = 'cli-inprocess';
/** A backstop only: the token is revoked when the command ends. */
const IN_PROCESS_TOKEN_MINUTES = 30;
const CREDENTIAL_WAIT_MS = 10_000;

/** Runs `fn` with a client and always closes it (and the database, when we opened it). */
export async function withApiClient<T>(
  config: Config,
  purpose: string,
  fn: (api: ApiClient) => Promise<T>,
  options: ClientOptions = {},
): Promise<T> {
  const api = await openApiClient(config, purpose, options);
  try {
    return await fn(api);
  } finally {
    await api.close();
  }
}

/** `purpose` names the command in the audit log (e.g. "CLI: agency create"). */
export async function openApiClient(
  config: Config,
  purpose: string,
  options: ClientOptions = {},
): Promise<ApiClient> {
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.url === null) {
      throw new CliEnvironmentError(
        'data_dir.busy',
        `Another Watchfloor command (process ${holder.pid}) has the data directory ${config.dataDir} open; try again when it finishes.`,
      );
    }
    if (holder?.url) {
      return serverClient(
        holder.url,
        await waitForCredential(config.dataDir, { pid: holder.pid, url: holder.url }),
      );
    }
  }
  const opened = await openInstanceForCli(config);
  try {
    return await inProcessClient(config, opened, purpose, { ownsInstance: true, ...options });
  } catch (err) {
    await opened.database.close();
    throw err;
  }
}

/**
 * The server, database and services load only when a command opens the instance itself:
 * a command that talks to a running server starts in a fraction of the time.
 */
const loadInProcess = async () => {
  const [main, app, auth, center, clock, worker] = await Promise.all([
    import('../main.ts'),
    import('../server/app.ts'),
    import('../modules/auth/auth.service.ts'),
    import('../modules/center/center.service.ts'),
    import('../shared/clock.ts'),
    import('../jobs/ingest-worker.ts'),
  ]);
  return {
    startIngestWorker: worker.startIngestWorker,
    openInstance: main.openInstance,
    buildApp: app.buildApp,
    createApiToken: auth.createApiToken,
    systemViewer: center.systemViewer,
    systemClock: clock.systemClock,
  };
};

/** openInstance, with failures to reach the database reported as environment errors. */
export async function openInstanceForCli(config: Config): Promise<Opened> {
  const { openInstance } = await loadInProcess();
  try {
    return await openInstance(config);
  } catch (err) {
    throw explainOpenError(err, config);
  }
}

/** The server writes its credential just after taking the lock: allow it a moment. */
async function waitForCredential(dataDir: string, holder: { pid: number; url: string }) {
  const deadline = Date.now() + CREDENTIAL_WAIT_MS;
  for (;;) {
    const token = readCredential(dataDir);
    if (token) return token;
    if (Date.now() > deadline || !readLock(dataDir)) {
      throw new CliEnvironmentError(
        'server.no_credential',
        `Watchfloor process ${holder.pid} (${holder.url}) holds the data directory ${dataDir} but its local credential is missing or unreadable; run the CLI as the user that runs the server.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function serverClient(baseUrl: string, token: string): ApiClient {
  const send = async (method: HttpMethod, path: string, body?: unknown) => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${API_PREFIX}${path}`, {
        method,
        headers: requestHeaders(token, body),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new CliEnvironmentError(
        'server.unreachable',
        `The Watchfloor server at ${baseUrl} holds the data directory but did not answer: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    return { status: res.status, text: await res.text() };
  };
  return {
    via: 'server',
    async request<T>(method: HttpMethod, path: string, body?: unknown) {
      const res = await send(method, path, body);
      return interpret(res.status, res.text) as T;
    },
    async requestText(method: HttpMethod, path: string, body?: unknown) {
      return textOf(await send(method, path, body));
    },
    async upload<T>(path: string, form: FormData) {
      const res = await fetch(`${baseUrl}${API_PREFIX}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        body: form,
      });
      return interpret(res.status, await res.text()) as T;
    },
    close: () => Promise.resolve(),
  };
}

/**
 * A client over an instance this process has open. With `ownsInstance` closing the client
 * closes the database too; without (the demo command, which goes on to serve) it does not.
 */
export async function inProcessClient(
  config: Config,
  opened: Opened,
  purpose: string,
  { ownsInstance, ingestWorker }: { ownsInstance: boolean } & ClientOptions,
): Promise<ApiClient> {
  const { buildApp, createApiToken, systemViewer, systemClock, startIngestWorker } =
    await loadInProcess();
  const worker = ingestWorker
    ? startIngestWorker({
        db: opened.database.db,
        kind: opened.database.kind,
        clock: systemClock,
        center: opened.center,
        onError: (err) => process.stderr.write(`ingest worker: ${String(err)}\n`),
      })
    : undefined;
  // The app logs to stdout, which belongs to the command's result: quiet unless asked for.
  const logLevel = process.env['WATCHFLOOR_LOG_LEVEL'] ? config.logLevel : 'silent';
  const app = await buildApp({
    config: { ...config, logLevel },
    database: opened.database,
    clock: systemClock,
    center: opened.center,
    onIngestQueued: () => worker?.wake(),
  });
  const now = systemClock.now();
  const created = await createApiToken(
    opened.database.db,
    { viewer: systemViewer(opened.center, purpose), clientIp: null, now },
    {
      userId: opened.center.systemUserId,
      name: IN_PROCESS_TOKEN_NAME,
      expiresInDays: IN_PROCESS_TOKEN_MINUTES / (24 * 60),
    },
  );
  const send = async (method: HttpMethod, path: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url: `${API_PREFIX}${path}`,
      headers: requestHeaders(created.token, body),
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, text: res.body };
  };
  const request = async <T>(method: HttpMethod, path: string, body?: unknown) => {
    const res = await send(method, path, body);
    return interpret(res.status, res.text) as T;
  };
  const requestText = async (method: HttpMethod, path: string, body?: unknown) =>
    textOf(await send(method, path, body));
  const upload = async <T>(path: string, form: FormData) => {
    // A Response serialises the form as a multipart stream with its boundary header.
    const encoded = new Response(form);
    const res = await app.inject({
      method: 'POST',
      url: `${API_PREFIX}${path}`,
      headers: {
        authorization: `Bearer ${created.token}`,
        'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data',
      },
      payload: Readable.fromWeb(encoded.body as ReadableStream<Uint8Array>),
    });
    return interpret(res.statusCode, res.body) as T;
  };
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await request('DELETE', `/auth/tokens/${created.id}`);
      } catch {
        // It expires on its own within IN_PROCESS_TOKEN_MINUTES.
      }
      await worker?.stop();
      await app.close();
      if (ownsInstance) await opened.database.close();
    })());
  return { via: 'in-process', request, requestText, upload, close };
}

function requestHeaders(token: string, body: unknown): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  };
}

const problemBodySchema = z.object({
  code: z.string(),
  title: z.string().default(''),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** A document's text on success; a problem document otherwise, thrown as for `request`. */
function textOf(res: { status: number; text: string }): string {
  if (res.status >= 200 && res.status < 300) return res.text;
  interpret(res.status, res.text);
  throw new Error('unreachable: interpret throws on an error status');
}

function interpret(status: number, text: string): unknown {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (status >= 200 && status < 300) return parsed;
  const body = problemBodySchema.safeParse(parsed);
  const problem: ApiProblem = body.success
    ? { status, ...body.data }
    : { status, code: `http.${status}`, title: `The server answered HTTP ${status}` };
  throw new ApiProblemError(problem);
}

/** `path?a=1&b=2`, leaving out undefined and null values. */
export function withQuery(
  path: string,
  params: Readonly<Record<string, string | number | null | undefined>>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
