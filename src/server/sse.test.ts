/**
 * streamByPolling over real HTTP: a wake-up runs the next poll at once, long before the
 * interval (an hour here) would have.
 */
import Fastify from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { streamByPolling } from './sse.ts';

const app = Fastify();
let wake: () => void = () => undefined;
let polls = 0;
let unsubscribed = false;
app.get('/stream', (req, reply) => {
  streamByPolling(
    req,
    reply,
    60 * 60 * 1000,
    (stream) => {
      polls++;
      stream.send('poll', { polls });
      return Promise.resolve(true);
    },
    (run) => {
      wake = run;
      return Promise.resolve(() => {
        unsubscribed = true;
        return Promise.resolve();
      });
    },
  );
});
afterAll(() => app.close());

it('a wake-up polls at once instead of at the end of the interval, and closing unsubscribes', async () => {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  const res = await fetch(`${address}/stream`, { signal: controller.signal });
  const reader = res.body!.getReader();
  let text = '';
  const readUntil = async (needle: string) => {
    while (!text.includes(needle)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`stream ended before ${needle}`);
      text += new TextDecoder().decode(chunk.value);
    }
  };
  await readUntil('"polls":1');
  wake();
  await readUntil('"polls":2');
  controller.abort();
  await expect.poll(() => unsubscribed).toBe(true);
});
