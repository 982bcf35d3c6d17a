import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTooLarge } from './ingest.errors.ts';

/** Streams an upload to disk, refusing it (413) once it passes the limit; memory stays flat. */
export async function saveUpload(input: Readable, path: string, maxBytes: number): Promise<number> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(fileTooLarge(`The file is larger than ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  await pipeline(input, limit, createWriteStream(path, { mode: 0o600 }));
  return bytes;
}
