/**
 * The ingest job's CPU-bound half, on its own thread: read the file for structure, then
 * parse, validate and mine it into batches for the main thread to commit. Batches are sent
 * as the main thread asks for them (at most `AHEAD` ahead of what it has committed), so
 * memory stays bounded while parsing overlaps with the database work of the batch before.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareBatches } from './batch-preparation.ts';
import { parseFile, UnparseableFileError } from './formats.ts';
import type { PreparationRequest, PreparationMessage } from './prepared-batches.ts';

const AHEAD = 2;
const port = parentPort!;
const request = workerData as PreparationRequest;

let credit = AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});
const send = (message: PreparationMessage) => {
  port.postMessage(message);
};

async function run() {
  const { job } = request;
  // Structure only: whatever makes the file unreadable surfaces here, before a single write.
  for await (const _row of parseFile(job, createReadStream(job.filePath), { structureOnly: true }));
  const input = createReadStream(job.filePath);
  const batches = prepareBatches(parseFile(job, input), {
    context: request.context,
    checkpointRow: job.checkpointRow,
    batchSize: request.batchSize,
    bytesRead: () => input.bytesRead,
  });
  for await (const batch of batches) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    send({ type: 'batch', batch });
  }
  send({ type: 'done' });
}

try {
  await run();
} catch (err) {
  if (!(err instanceof UnparseableFileError)) throw err;
  send({ type: 'unparseable', message: err.message });
}
