/**
 * Streams the members of a JSON object's array property (a STIX bundle's `objects`) one
 * element at a time, with the line each element starts on. The text is fed to
 * stream-json's tokenizer a line at a time, so every token is known to come from the
 * current line. Envelope members (`type`, `id`, …) are kept if small. A file that is not
 * well-formed JSON cannot be read past the error: that is an UnparseableFileError.
 */
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { JsonAssembler } from './json-assembler.ts';
import { decodeUtf8 } from './text-chunks.ts';
import { UnparseableFileError, type Limits } from './types.ts';

export type BundleItem =
  | { kind: 'element'; line: number; value: unknown; size: number }
  | { kind: 'oversized'; line: number; problem: string; id: string | undefined }
  | { kind: 'envelope'; key: string; value: unknown };

type Phase = 'start' | 'key' | 'value' | 'array-start' | 'items' | 'item' | 'end';

const ENVELOPE_LIMITS = { maxFieldChars: 10_000, maxBytes: 100_000, maxDepth: 8 };

/** The state machine over tokens: root object, its keys, the array and its elements. */
class ArrayMemberReader {
  readonly #arrayKey: string;
  readonly #elementLimits: { maxFieldChars: number; maxBytes: number; maxDepth: number };
  readonly out: BundleItem[] = [];
  phase: Phase = 'start';
  line = 1;
  #key = '';
  #keyParts: string[] = [];
  #assembler: JsonAssembler | undefined;
  #itemLine = 1;

  constructor(arrayKey: string, limits: Limits) {
    this.#arrayKey = arrayKey;
    this.#elementLimits = { ...limits, maxBytes: limits.maxRowBytes };
  }

  fail(message: string): never {
    throw new UnparseableFileError(message, this.line);
  }

  onToken(token: Token): void {
    switch (this.phase) {
      case 'start':
        if (token.name !== 'startObject')
          this.fail('the file must hold one JSON object (a bundle)');
        this.phase = 'key';
        return;
      case 'key':
        this.#readKey(token);
        return;
      case 'value':
      case 'item':
        if (this.#assembler!.consume(token)) this.#finishValue();
        return;
      case 'array-start':
        if (token.name !== 'startArray') this.fail(`"${this.#arrayKey}" must be an array`);
        this.phase = 'items';
        return;
      case 'items':
        this.#startItem(token);
        return;
      case 'end':
        return;
    }
  }

  #startItem(token: Token): void {
    if (token.name === 'endArray') {
      this.phase = 'key';
      return;
    }
    this.#itemLine = this.line;
    this.#assembler = new JsonAssembler(this.#elementLimits);
    this.phase = 'item';
    if (this.#assembler.consume(token)) this.#finishValue();
  }

  #readKey(token: Token): void {
    if (token.name === 'endObject') this.phase = 'end';
    else if (token.name === 'stringChunk' && this.#keyParts.length < 100)
      this.#keyParts.push(token.value);
    else if (token.name === 'endKey') {
      this.#key = this.#keyParts.join('').slice(0, 200);
      this.#keyParts = [];
      if (this.#key === this.#arrayKey) this.phase = 'array-start';
      else {
        this.#assembler = new JsonAssembler(ENVELOPE_LIMITS);
        this.phase = 'value';
      }
    }
  }

  #finishValue(): void {
    const a = this.#assembler!;
    this.#assembler = undefined;
    if (this.phase === 'value') {
      if (a.problem === undefined)
        this.out.push({ kind: 'envelope', key: this.#key, value: a.value });
      this.phase = 'key';
      return;
    }
    const line = this.#itemLine;
    this.out.push(
      a.problem === undefined
        ? { kind: 'element', line, value: a.value, size: a.size }
        : { kind: 'oversized', line, problem: a.problem, id: a.topId },
    );
    this.phase = 'items';
  }
}

export async function* readJsonArrayMembers(
  input: AsyncIterable<Buffer | string>,
  arrayKey: string,
  limits: Limits,
): AsyncGenerator<BundleItem> {
  const tokenize = jsonParser({ packValues: false, streamValues: true });
  const reader = new ArrayMemberReader(arrayKey, limits);
  const feed = (piece: string) => {
    let result: ReturnType<typeof tokenize>;
    try {
      result = tokenize(piece);
    } catch (err) {
      const detail = err instanceof Error ? err.message.replace(/^Parser /, '') : 'unreadable';
      return reader.fail(`malformed JSON: ${detail}`);
    }
    if (typeof result !== 'symbol') for (const token of result.values) reader.onToken(token);
  };
  for await (const text of decodeUtf8(input)) {
    // One line at a time: every token a call yields comes from the current line.
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      feed(text.slice(from, nl + 1));
      reader.line++;
      from = nl + 1;
      yield* reader.out.splice(0);
    }
    if (from < text.length) feed(from === 0 ? text : text.slice(from));
    yield* reader.out.splice(0);
  }
  feed('\n');
  yield* reader.out.splice(0);
  if (reader.phase === 'start') reader.fail('the file is empty');
  if (reader.phase !== 'end') reader.fail('the file ends before the JSON is complete');
}
