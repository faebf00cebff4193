import { parse } from "csv-parse/sync";

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, or a leading
 * tab or carriage return) gets a leading apostrophe, so opening an export can
 * never run anything (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string | number | null): string {
  const text = value === null ? "" : typeof value === "number" ? String(value) : neutralizeFormula(value);
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as Excel in Spanish opens it by double-click: UTF-8 with a byte-order
 * mark (accents intact), semicolon-separated, CRLF line ends.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${csvLines([header, ...rows])}`;
}

/** Rows as CSV lines, each ended by CRLF: what follows the header when a file is written in parts. */
export function csvLines(rows: (string | number | null)[][]): string {
  return rows.map((row) => `${row.map(csvField).join(";")}\r\n`).join("");
}

/** The inverse of toCsv, with csv-parse: fields, with quotes and embedded line breaks handled. */
export function parseCsv(text: string, separator = ";"): string[][] {
  return parse(text, { delimiter: separator, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
}
