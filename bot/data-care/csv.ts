/**
 * CSV for spreadsheets (RFC 4180), written here because no CSV library is installed and the job
 * is small. Two things matter: a field with a quote, comma or line break is quoted with its
 * quotes doubled, and a field a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * is made text with a leading apostrophe (OWASP "CSV injection"): staff type the titles.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised then escaped. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Header and rows, CRLF line ends as RFC 4180 asks (spreadsheets accept both). */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
