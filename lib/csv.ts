import { stringify } from "csv-stringify/sync";

/**
 * Text a spreadsheet would run as a formula. The full-width forms are there because some spreadsheets
 * (Apple Numbers) normalize them to their ASCII twins before reading the cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * A negative amount, bare ("-500", "-5.00") or as formatMinor writes it ("-$1,234.00"): spreadsheets read
 * these as numbers, and nothing in them can call a function or another program, so they stay plain.
 */
const PLAIN_NEGATIVE_NUMBER = /^-\$?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * csv-stringify's own `escape_formulas` exempts only values typed as numbers, so the formatted amounts
 * we pass as text ("-$5.00") would still be prefixed; the choice is made here and csv-stringify quotes.
 */
function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula gets a leading quote mark, so an audit
 * entry named "=HYPERLINK(...)" stays text when the export is opened; numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: "windows",
      // Setting record_delimiter turns this off by default, and an unquoted lone \n or \r would split a record.
      quote_record_delimiter: true,
      eof: false,
      cast: { string: neutralizeFormula },
    },
  );
}

export function csvResponse(filename: string, body: string): Response {
  return new Response(`${body}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
