export type ByteLine =
  { line: number; bytes: Buffer; overLimit?: undefined } | { line: number; overLimit: true };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines at LF without decoding, so a line's byte length is exact
 * and a multi-byte character can never straddle a split (LF is never part of one). At
 * most `maxBytes` of one line are ever held; a longer line is dropped and reported, and
 * reading resumes at the next line.
 */
export async function* splitByteLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let overLimit = false;
  let line = 1;
  const finish = (): ByteLine => {
    const result: ByteLine = overLimit
      ? { line, overLimit: true }
      : { line, bytes: trimCr(parts.length === 1 ? parts[0]! : Buffer.concat(parts, held)) };
    parts = [];
    held = 0;
    overLimit = false;
    line++;
    return result;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let pos = 0;
    while (pos <= buf.length) {
      const nl = buf.indexOf(LF, pos);
      const end = nl === -1 ? buf.length : nl;
      if (!overLimit && end > pos) {
        if (held + end - pos > maxBytes) {
          overLimit = true;
          parts = [];
          held = 0;
        } else {
          parts.push(buf.subarray(pos, end));
          held += end - pos;
        }
      }
      if (nl === -1) break;
      yield finish();
      pos = nl + 1;
    }
  }
  if (held > 0 || overLimit) yield finish();
}

function trimCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
}
