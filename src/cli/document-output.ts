import { writeFile } from 'node:fs/promises';
import type { Output } from './output.ts';

/**
 * Where a command that fetched a document (GraphML, CSV, JSON export) puts it: standard
 * output as is, or a file, with a one-line result (`--json`: one object) saying where.
 */
export async function writeDocument(
  out: Output,
  doc: string,
  to: { output?: string | undefined; format: string; what: string },
): Promise<number> {
  if (!to.output) {
    process.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
    return 0;
  }
  await writeFile(to.output, doc);
  out.result(
    { output: to.output, format: to.format, bytes: Buffer.byteLength(doc) },
    `Wrote the ${to.what} (${to.format}) to ${to.output}`,
  );
  return 0;
}
