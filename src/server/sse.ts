import type { FastifyReply, FastifyRequest } from 'fastify';

export type EventStream = {
  send(event: string, data: unknown, id?: string): void;
  comment(text: string): void;
  end(): void;
};

/**
 * Server-Sent Events over a hijacked reply, polled: `poll` runs every `intervalMs` until it
 * returns false, the client goes away, or it fails (the stream then ends). Polling the
 * database, rather than listening in memory, sees what any process committed.
 */
export function streamByPolling(
  req: FastifyRequest,
  reply: FastifyReply,
  intervalMs: number,
  poll: (stream: EventStream) => Promise<boolean>,
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
  req.raw.on('close', () => {
    closed = true;
  });
  const stream: EventStream = {
    send: (event, data, id) => {
      res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment: (text) => {
      res.write(`: ${text}\n\n`);
    },
    end: () => {
      closed = true;
      res.end();
    },
  };
  const tick = async () => {
    if (closed) return;
    if (!(await poll(stream))) {
      stream.end();
      return;
    }
    setTimeout(
      () =>
        void tick().catch(() => {
          stream.end();
        }),
      intervalMs,
    );
  };
  void tick().catch(() => {
    stream.end();
  });
}
