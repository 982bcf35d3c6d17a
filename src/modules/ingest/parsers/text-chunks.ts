/** Largest piece of text handed to a tokenizer at once, so per-chunk guards stay fine-grained. */
export const MAX_TEXT_CHUNK = 65_536;

/**
 * Decodes a byte stream as UTF-8 into text pieces of at most `maxChunk` characters. A
 * sequence split across two buffers is joined, a byte-order mark is dropped, and invalid
 * bytes become U+FFFD (the replacement is visible in the stored text; refusing the file
 * for one bad byte would lose every good row around it).
 */
export async function* decodeUtf8(
  input: AsyncIterable<Buffer | string>,
  maxChunk = MAX_TEXT_CHUNK,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* slices(text, maxChunk);
  }
  yield* slices(decoder.decode(), maxChunk);
}

function* slices(text: string, maxChunk: number): Generator<string> {
  let start = 0;
  while (text.length - start > maxChunk) {
    let end = start + maxChunk;
    // Never cut a surrogate pair in two: each half alone would read as a broken character.
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
  if (start < text.length) yield start === 0 ? text : text.slice(start);
}

/** Whether a string's UTF-8 encoding is longer than `cap` bytes, without encoding short ones. */
export function exceedsBytes(text: string, cap: number): boolean {
  if (text.length * 3 <= cap) return false;
  return Buffer.byteLength(text, 'utf8') > cap;
}
