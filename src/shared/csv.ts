/**
 * CSV cells for exports a person opens in a spreadsheet: RFC 4180 quoting, and a text cell
 * starting with = + - @ (or a tab or carriage return) is defused with a leading apostrophe so
 * the spreadsheet shows it instead of running it as a formula (OWASP "CSV injection").
 * Numbers are written as numbers: a negative longitude is data, not a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One RFC 4180 record, CRLF-terminated. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
