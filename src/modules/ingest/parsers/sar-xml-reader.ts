/**
 * Streams an XML document with saxes and hands over one small element tree per report,
 * so memory holds one report at a time. Defences, in order: any DOCTYPE or entity
 * declaration refuses the file before saxes could act on it (saxes expands no external
 * entities, but refusing the DTD outright also rules out entity-expansion bombs); a
 * single token longer than the row limit and element nesting beyond a hard cap refuse
 * the file, because saxes would otherwise buffer it whole.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { decodeUtf8 } from './text-chunks.ts';
import { UnparseableFileError, type Limits } from './types.ts';

export type XmlElement = {
  name: string;
  line: number;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
};

/** A report as read: its tree, or why it cannot be used (the file reads on regardless). */
export type XmlReport = { line: number; root: XmlElement; problem?: string; problemLine?: number };

export const ROOT_NAMES = ['SuspiciousActivityReports', 'SuspiciousActivityReport'];
const REPORT = 'SuspiciousActivityReport';
const HARD_DEPTH_CAP = 256;
const DTD = /<!(DOCTYPE|ENTITY)/i;
// NUL and unpaired surrogates are not XML characters; inside a report they are row errors.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

type State = {
  limits: Limits;
  depth: number;
  rootSeen: boolean;
  stack: XmlElement[];
  report: XmlReport | undefined;
  reportSize: number;
  done: XmlReport[];
  events: number;
};

export async function* readSarXml(
  input: AsyncIterable<Buffer | string>,
  limits: Limits,
): AsyncGenerator<XmlReport> {
  const s: State = {
    limits,
    depth: 0,
    rootSeen: false,
    stack: [],
    report: undefined,
    reportSize: 0,
    done: [],
    events: 0,
  };
  const parser = createParser(s);
  let tail = '';
  let quiet = 0;
  for await (const text of decodeUtf8(input)) {
    if (!s.rootSeen && DTD.test(tail + text)) refuseDtd(parser.line);
    tail = text.slice(-9);
    const before = s.events;
    write(parser, text, s);
    quiet = s.events === before ? quiet + text.length : 0;
    if (quiet > limits.maxRowBytes)
      throw new UnparseableFileError(
        `an XML token (text, tag, comment or CDATA) is longer than ${limits.maxRowBytes} characters`,
        parser.line,
      );
    yield* s.done.splice(0);
  }
  try {
    parser.close();
  } catch (err) {
    throw asUnparseable(err, parser.line);
  }
  if (!s.rootSeen) throw new UnparseableFileError('the file has no XML root element');
  yield* s.done.splice(0);
}

function refuseDtd(line: number): never {
  throw new UnparseableFileError(
    'DOCTYPE and entity declarations are refused (XXE and entity-expansion defence)',
    line,
  );
}

function asUnparseable(err: unknown, line: number): UnparseableFileError {
  if (err instanceof UnparseableFileError) return err;
  const message = err instanceof Error ? err.message.replace(/^\d+:\d+: /, '') : String(err);
  return new UnparseableFileError(`malformed XML: ${message}`, line);
}

/** Feeds text, cutting out unstorable characters so the report holding them is flagged. */
function write(parser: SaxesParser, text: string, s: State): void {
  try {
    let rest = text;
    let m = UNSTORABLE.exec(rest);
    while (m) {
      parser.write(rest.slice(0, m.index));
      if (!s.report)
        throw new UnparseableFileError('a NUL or unpaired surrogate character', parser.line);
      flag(s, 'contains a NUL character or an unpaired surrogate', parser.line);
      parser.write('\uFFFD');
      rest = rest.slice(m.index + m[0].length);
      m = UNSTORABLE.exec(rest);
    }
    parser.write(rest);
  } catch (err) {
    throw asUnparseable(err, parser.line);
  }
}

function flag(s: State, problem: string, line: number): void {
  if (s.report && s.report.problem === undefined) {
    s.report.problem = problem;
    s.report.problemLine = line;
  }
}

function createParser(s: State): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('doctype', () => {
    refuseDtd(parser.line);
  });
  parser.on('opentagstart', () => s.events++);
  parser.on('opentag', (tag) => {
    openElement(s, tag, parser.line);
  });
  parser.on('closetag', () => {
    s.events++;
    closeElement(s);
  });
  parser.on('text', (text) => {
    s.events++;
    addText(s, text, parser.line);
  });
  parser.on('cdata', (text) => {
    s.events++;
    addText(s, text, parser.line);
  });
  parser.on('comment', () => s.events++);
  parser.on('processinginstruction', () => s.events++);
  return parser;
}

function openElement(s: State, tag: SaxesTagPlain, line: number): void {
  const name = localName(tag.name);
  s.depth++;
  if (s.depth > HARD_DEPTH_CAP)
    throw new UnparseableFileError(`elements nest deeper than ${HARD_DEPTH_CAP}`, line);
  if (!s.rootSeen) {
    s.rootSeen = true;
    if (!ROOT_NAMES.includes(name))
      throw new UnparseableFileError(`the root element must be ${ROOT_NAMES[0]!}`, line);
  }
  const isReport = name === REPORT && (s.depth === 1 || s.depth === 2);
  if (!s.report && !isReport) return;
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(tag.attributes)) attributes[localName(k)] = v;
  const element: XmlElement = { name, line, attributes, text: '', children: [] };
  if (!s.report) {
    s.report = { line, root: element };
    s.reportSize = 0;
    s.stack = [element];
    return;
  }
  // Roughly the characters the tag took in the file: open and close tags, attributes.
  grow(s, 2 * tag.name.length + 5 + JSON.stringify(attributes).length, line);
  if (s.stack.length >= s.limits.maxDepth) {
    flag(s, `elements nest deeper than ${s.limits.maxDepth}`, line);
    s.stack.push(element); // kept on the stack for balance, never attached
    return;
  }
  if (s.report.problem === undefined) s.stack.at(-1)!.children.push(element);
  s.stack.push(element);
}

function closeElement(s: State): void {
  s.depth--;
  if (!s.report) return;
  s.stack.pop();
  if (s.stack.length === 0) {
    s.done.push(s.report);
    s.report = undefined;
  }
}

function addText(s: State, text: string, line: number): void {
  const current = s.stack.at(-1);
  if (!s.report || !current) return;
  grow(s, text.length, line);
  if (s.report.problem !== undefined) return;
  if (current.text.length + text.length > s.limits.maxFieldChars) {
    flag(s, `${current.name} is longer than ${s.limits.maxFieldChars} characters`, current.line);
    return;
  }
  current.text += text;
}

/** Counts what the report holds; past the row limit its content is dropped, not kept. */
function grow(s: State, chars: number, line: number): void {
  s.reportSize += chars;
  if (s.reportSize > s.limits.maxRowBytes && s.report?.problem === undefined) {
    flag(s, `the report is longer than ${s.limits.maxRowBytes} characters`, line);
    s.report!.root.children = [];
  }
}
