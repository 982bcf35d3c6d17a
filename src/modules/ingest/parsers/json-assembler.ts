/**
 * Builds one JSON value from stream-json's streamed tokens, within limits. stream-json
 * packs strings whole by default, so a hostile 1 GB string would be buffered before any
 * check; here strings arrive in chunks and building stops as soon as a limit is passed,
 * after which tokens are only counted until the value ends (the stream stays in step).
 */
import type { Token } from 'stream-json/core/parser.js';

export type AssemblerLimits = { maxFieldChars: number; maxBytes: number; maxDepth: number };

type Container = Record<string, unknown> | unknown[];
type Frame = { container: Container; path: string };

const MAX_KEY_CHARS = 1000;

function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // As JSON.parse does: "__proto__" becomes an own property, never the prototype.
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

export class JsonAssembler {
  readonly #limits: AssemblerLimits;
  readonly #stack: Frame[] = [];
  #depth = 0;
  #root: unknown;
  #done = false;
  #problem: string | undefined;
  #size = 0;
  #key: string | undefined;
  #id: string | undefined;
  #chunks: string[] = [];
  #chunkChars = 0;
  #collectingKey = false;

  constructor(limits: AssemblerLimits) {
    this.#limits = limits;
  }

  get value(): unknown {
    return this.#root;
  }

  /** Why the value was given up, if it was. */
  get problem(): string | undefined {
    return this.#problem;
  }

  /** Approximate size of the value, in characters of input. */
  get size(): number {
    return this.#size;
  }

  /** The top-level `"id"` string member, kept even when the value was given up. */
  get topId(): string | undefined {
    return this.#id;
  }

  /** Feeds one token; true once the value is complete. */
  consume(token: Token): boolean {
    if (++this.#size > this.#limits.maxBytes)
      this.#giveUp(`the object is larger than ${this.#limits.maxBytes} characters`);
    switch (token.name) {
      case 'startObject':
        this.#open({});
        break;
      case 'startArray':
        this.#open([]);
        break;
      case 'endObject':
      case 'endArray':
        this.#close();
        break;
      case 'startKey':
        this.#collectingKey = true;
        break;
      case 'endKey':
        this.#collectingKey = false;
        this.#key = this.#finishText();
        break;
      case 'stringChunk':
      case 'numberChunk':
        this.#text(token.value);
        break;
      case 'endString':
        this.#primitive(this.#finishText());
        break;
      case 'endNumber':
        this.#primitive(Number(this.#finishText()));
        break;
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        this.#primitive(token.value);
        break;
      case 'startString':
      case 'startNumber':
      case 'keyValue':
      case 'stringValue':
      case 'numberValue':
      case 'whitespace':
        break;
    }
    return this.#done;
  }

  #giveUp(why: string): void {
    if (this.#problem !== undefined) return;
    this.#problem = why;
    this.#stack.length = 0;
    this.#root = undefined;
  }

  /** Puts a finished value or a new container into its parent; returns its path. */
  #attach(value: unknown): string {
    const top = this.#stack.at(-1);
    const slotKey = this.#key;
    this.#key = undefined;
    if (!top) {
      this.#root = value;
      return '';
    }
    const name = Array.isArray(top.container) ? String(top.container.length) : (slotKey ?? '');
    if (Array.isArray(top.container)) top.container.push(value);
    else setMember(top.container, name, value);
    if (this.#depth === 1 && name === 'id' && typeof value === 'string' && value.length <= 300)
      this.#id = value;
    return top.path ? `${top.path}.${name}` : name;
  }

  #open(container: Container): void {
    this.#depth++;
    if (this.#problem !== undefined) return;
    const path = this.#attach(container);
    if (this.#depth > this.#limits.maxDepth)
      this.#giveUp(`${path || 'the object'} nests deeper than ${this.#limits.maxDepth}`);
    else this.#stack.push({ container, path });
  }

  #close(): void {
    this.#depth--;
    if (this.#problem === undefined) this.#stack.pop();
    if (this.#depth === 0) this.#done = true;
  }

  #primitive(value: unknown): void {
    if (this.#depth === 0) this.#done = true;
    if (this.#problem === undefined) this.#attach(value);
  }

  #text(text: string): void {
    this.#size += text.length;
    this.#chunkChars += text.length;
    const cap = this.#collectingKey ? MAX_KEY_CHARS : this.#limits.maxFieldChars;
    if (this.#chunkChars > cap) {
      const top = this.#stack.at(-1);
      const name = this.#collectingKey ? undefined : this.#key;
      const where = top?.path && name ? `${top.path}.${name}` : (name ?? top?.path);
      const what = this.#collectingKey ? 'a key' : (where ?? 'a value');
      this.#giveUp(`${what} is longer than ${cap} characters`);
    }
    if (this.#problem === undefined) this.#chunks.push(text);
  }

  #finishText(): string {
    const text = this.#chunks.length === 1 ? this.#chunks[0]! : this.#chunks.join('');
    this.#chunks = [];
    this.#chunkChars = 0;
    return text;
  }
}
