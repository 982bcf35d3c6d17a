/**
 * Latency from the commit of a record to the hit event on the owner's open SSE stream: the
 * owner agency records a subject, another agency records the same subject, and the clock
 * runs from the second POST's response (the commit) to the owner's `notification` event.
 */
import { percentile } from './stats.ts';

type Auth = { authorization: string };

export async function measureHitLatency(baseUrl: string, owner: Auth, other: Auth, rounds: number) {
  const events = await openStream(baseUrl, owner);
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const person = {
      type: 'person',
      role: 'subject',
      attributes: {
        givenName: 'Bench',
        surname: `Latency${i}x${Date.now()}`,
        dateOfBirth: '1970-01-01',
        identifiers: [{ scheme: 'driver_license', value: `BL${i}${Date.now()}`.slice(0, 20) }],
      },
    };
    const owned = await post(baseUrl, owner, person);
    const arrived = events.waitFor((data) => data.includes(owned));
    await post(baseUrl, other, person);
    const committed = performance.now();
    await arrived;
    latencies.push(performance.now() - committed);
  }
  events.close();
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: rounds,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(latencies.at(-1) ?? 0),
  };
}

async function post(baseUrl: string, auth: Auth, person: unknown): Promise<string> {
  const body = {
    kind: 'incident',
    title: 'Latency probe',
    narrative: '',
    markings: { tlp: 'GREEN', caveats: [], partnerShare: 'full' },
    observations: [person],
  };
  const res = await fetch(`${baseUrl}/api/v1/records`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201)
    throw new Error(`POST /records answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function openStream(baseUrl: string, auth: Auth) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events`, { headers: auth, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let waiting: { match: (data: string) => boolean; resolve: () => void } | undefined;
  let buffer = '';
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value);
      const events = buffer.split('\n\n');
      buffer = events.pop() ?? '';
      for (const e of events) if (waiting?.match(e)) waiting.resolve();
    }
  })();
  return {
    waitFor: (match: (data: string) => boolean) =>
      new Promise<void>((resolve) => (waiting = { match, resolve })),
    close: () => {
      controller.abort();
    },
  };
}
