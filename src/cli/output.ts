/**
 * What the CLI prints. With --json a command's result is exactly one JSON object on stdout;
 * otherwise human lines. Errors, notes and progress go to stderr, so stdout is always the
 * result alone (an error with --json is also written to stdout as `{ "error": … }`).
 */
import type { DescribedError } from './errors.ts';

export type Output = {
  readonly json: boolean;
  /** The command's result: `value` as JSON with --json, the human lines otherwise. */
  result(value: object, human: string | readonly string[]): void;
  /** A remark for people (hints, summaries); always on stderr. */
  note(message: string): void;
  error(err: DescribedError): void;
};

export type Streams = {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
};

export function createOutput(json: boolean, streams: Streams = process): Output {
  return {
    json,
    result(value, human) {
      if (json) streams.stdout.write(`${JSON.stringify(value)}\n`);
      else streams.stdout.write(`${typeof human === 'string' ? human : human.join('\n')}\n`);
    },
    note(message) {
      streams.stderr.write(`${message}\n`);
    },
    error(err) {
      if (!err.alreadyPrinted) streams.stderr.write(`${formatError(err)}\n`);
      if (json) {
        const { code, message, errors } = err;
        streams.stdout.write(
          `${JSON.stringify({ error: { code, message, ...(errors ? { errors } : {}) } })}\n`,
        );
      }
    },
  };
}

export function formatError(err: DescribedError): string {
  const lines = [`error [${err.code}]: ${err.message}`];
  for (const e of err.errors ?? []) lines.push(`  ${e.path}: ${e.message}`);
  if (err.stack) lines.push('', err.stack);
  return lines.join('\n');
}

export type Column<T> = { header: string; value: (row: T) => string };

/** A plain-text table with a header row, columns padded to their widest cell. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
  const cells = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  const [header, ...body] = cells;
  return [line(header ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}
