/**
 * Splits CSV text into records before csv-parse sees it, and holds back the records
 * csv-parse cannot recover from. csv-parse stops reading for good after a record over
 * `max_record_size`, and after a malformed closing quote it reads the rest of the file as
 * one quoted field, so a single bad row would cost every row after it. This guard follows
 * RFC 4180 quoting itself, drops such a record with its first line and the reason, and
 * passes csv-parse the same number of empty lines instead, so later line numbers stay
 * exact. It also turns the file's line breaks (CRLF, LF or CR, taken from the first one)
 * into LF, the one record delimiter csv-parse is then told to use.
 */

const LF = 0x0a;
const CR = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

type Break = '\n' | '\r\n' | '\r';

export class RecordGuard {
  readonly #delim: number;
  readonly #quote: number;
  readonly #maxChars: number;
  readonly #onDrop: (startLine: number, reason: string) => void;
  #state = FIELD_START;
  #style: Break | undefined;
  #prevCr = false;
  #prevHigh = false;
  #line = 1;
  #startLine = 1;
  #size = 0;
  #breaks = 0;
  #dropped: string | undefined;
  #held: string[] = [];

  constructor(
    delimiter: string,
    quote: string,
    maxChars: number,
    onDrop: (startLine: number, reason: string) => void,
  ) {
    this.#delim = delimiter.charCodeAt(0);
    this.#quote = quote.charCodeAt(0);
    this.#maxChars = maxChars;
    this.#onDrop = onDrop;
  }

  /** Returns the text to hand to csv-parse for this chunk (possibly empty). */
  feed(chunk: string): string {
    let out = '';
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.#style === undefined && this.#prevCr && this.#settleFirstCr(c)) {
        out += this.#endRecord(chunk, from, i);
        from = i;
      }
      this.#checkSurrogate(c);
      const isBreak = this.#isBreak(c);
      this.#prevCr = c === CR;
      if (isBreak) {
        this.#line++;
        this.#breaks++;
        if (this.#state !== QUOTED) {
          out += this.#endRecord(chunk, from, i + 1);
          from = i + 1;
          continue;
        }
      } else if (!(c === CR && this.#style !== '\r')) {
        this.#state = this.#step(c);
      }
      if (++this.#size > this.#maxChars)
        this.#drop(`the row is longer than ${this.#maxChars} characters`);
    }
    if (this.#dropped === undefined) this.#held.push(chunk.slice(from));
    return out;
  }

  /** The text still held back at the end of the file. */
  end(): string {
    if (this.#state === QUOTED && this.#size > 0) this.#drop('a quoted field is never closed');
    if (this.#prevHigh) this.#drop('the row contains an unpaired UTF-16 surrogate');
    return this.#dropped !== undefined
      ? '\n'.repeat(this.#breaks)
      : this.#toLf(this.#held.join(''));
  }

  /**
   * The file's first break was a CR; `c` says whether it was CRLF or a lone CR. Returns
   * true when the lone CR ended a record that must be emitted before `c`.
   */
  #settleFirstCr(c: number): boolean {
    this.#style = c === LF ? '\r\n' : '\r';
    if (this.#style === '\r\n') return false;
    this.#line++;
    this.#breaks++;
    return this.#state !== QUOTED;
  }

  #isBreak(c: number): boolean {
    const isBreak =
      this.#style === '\r' ? c === CR : c === LF && (this.#style !== '\r\n' || this.#prevCr);
    if (isBreak) this.#style ??= this.#prevCr ? '\r\n' : '\n';
    return isBreak;
  }

  /** csv-parse reads bytes, where an unpaired surrogate would silently become U+FFFD. */
  #checkSurrogate(c: number): void {
    const isLow = c >= 0xdc00 && c <= 0xdfff;
    if (this.#prevHigh !== isLow) this.#drop('the row contains an unpaired UTF-16 surrogate');
    this.#prevHigh = c >= 0xd800 && c <= 0xdbff;
  }

  /** RFC 4180 quoting; a quote anywhere else makes the record malformed. */
  #step(c: number): number {
    const q = this.#quote;
    switch (this.#state) {
      case QUOTED:
        return c === q ? QUOTE_IN_QUOTED : QUOTED;
      case QUOTE_IN_QUOTED:
        if (c === q) return QUOTED;
        if (c === this.#delim) return FIELD_START;
        this.#drop('a closing quote is followed by other text');
        return UNQUOTED;
      case FIELD_START:
        if (c === q) return QUOTED;
        return c === this.#delim ? FIELD_START : UNQUOTED;
      default:
        if (c === q) this.#drop('a quote appears inside an unquoted field');
        return c === this.#delim ? FIELD_START : UNQUOTED;
    }
  }

  #drop(reason: string): void {
    if (this.#dropped !== undefined) return;
    this.#dropped = reason;
    this.#held = [];
    this.#onDrop(this.#startLine, reason);
  }

  #endRecord(chunk: string, from: number, to: number): string {
    const text =
      this.#dropped !== undefined
        ? '\n'.repeat(this.#breaks)
        : this.#toLf(this.#held.join('') + chunk.slice(from, to));
    this.#held = [];
    this.#size = 0;
    this.#breaks = 0;
    this.#dropped = undefined;
    this.#startLine = this.#line;
    this.#state = FIELD_START;
    return text;
  }

  #toLf(text: string): string {
    if (this.#style === '\r\n') return text.replaceAll('\r\n', '\n');
    return this.#style === '\r' ? text.replaceAll('\r', '\n') : text;
  }
}
