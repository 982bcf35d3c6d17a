import type { FastifyReply, FastifyRequest } from 'fastify';

export type EventStream = {
  send(event: string, data: unknown, id?: string): void;
  comment(text: string): void;
  end(): void;
};

/**
 * Server-Sent Events over a hijacked reply, polled: `poll` runs every `intervalMs` until it
 * returns false, the client goes away, or it fails (the stream then ends). Polling the
 * database, rather than listening in memory, sees what any process committed. `wakeOn`, when
 * given, subscribes to a signal that something changed (database.listen): the next poll then
 * runs at once instead of at the end of the interval, which stays as the fallback.
 */
export function streamByPolling(
  req: FastifyRequest,
  reply: FastifyReply,
  intervalMs: number,
  poll: (stream: EventStream) => Promise<boolean>,
  wakeOn?: (wake: () => void) => Promise<() => Promise<void>>,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  // Sent at once, so a client knows the stream is open before the first event.
  res.write(': connected\n\n');
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);
  const stop = () => {
    closed = true;
    clearTimeout(timer);
    void unsubscribe.then((off) => off?.()).catch(() => undefined);
  };
  req.raw.on('close', stop);
  const stream: EventStream = {
    send: (event, data, id) => {
      res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment: (text) => {
      res.write(`: ${text}\n\n`);
    },
    end: () => {
      stop();
      res.end();
    },
  };
  let running = false;
  let again = false;
  const tick = async () => {
    if (closed) return;
    clearTimeout(timer);
    // A wake-up during a poll runs one more poll right after it, never two at once.
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      if (!(await poll(stream))) {
        stream.end();
        return;
      }
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      run();
    } else timer = setTimeout(run, intervalMs); // after a close, that tick ends at once
  };
  const run = () => {
    void tick().catch(() => {
      stream.end();
    });
  };
  if (wakeOn) unsubscribe = wakeOn(run).catch(() => undefined);
  run();
}
