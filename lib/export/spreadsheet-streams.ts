import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLines, neutralizeFormula, toCsv } from "./spreadsheet-cells";

export type Cell = string | number;

/** A CSV as a stream: the download starts at once and the server never holds the whole file. */
export function csvStream(header: readonly string[], batches: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(toCsv([...header], [])));
        return;
      }
      // A pull that enqueues nothing is not called again: skip batches whose rows were all deleted meanwhile.
      for (let next = await iterator.next(); ; next = await iterator.next()) {
        if (next.done) return controller.close();
        if (next.value.length > 0) return controller.enqueue(encoder.encode(csvLines(next.value)));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export interface XlsxLayout {
  /** A first sheet that says what the file holds: a title, then label and text per row. */
  contents: { sheet: string; title: string; rows: [string, string][] };
  sheet: string;
  columns: readonly { header: string; width: number; wrap?: boolean }[];
}

/** «A1» to the last column's letter of the first row, for the header's filter. */
function headerRange(width: number): string {
  let letters = "";
  for (let n = width; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}1`;
}

/**
 * An XLSX as a stream, written row by row (ExcelJS's streaming writer): the contents
 * sheet, then the data sheet with a frozen header, filter and wrapped long text.
 */
export function xlsxStream(batches: AsyncIterable<Cell[][]>, layout: XlsxLayout): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Matriz PMDOT";
  workbook.created = new Date();
  const about = workbook.addWorksheet(layout.contents.sheet);
  about.columns = [{ width: 28 }, { width: 100, style: { alignment: { wrapText: true, vertical: "top" } } }];
  const title = about.addRow([layout.contents.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [label, text] of layout.contents.rows) about.addRow([label, neutralizeFormula(text)]).commit();
  about.commit();
  const sheet = workbook.addWorksheet(layout.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = layout.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width,
    style: { alignment: { vertical: "top", wrapText: column.wrap ?? false } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: "A1", to: headerRange(layout.columns.length) };
  // The writer does not wait for the reader: after each batch, wait until the client has taken what was written,
  // and stop reading the database when it has gone.
  const taken = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        output.off("drain", done).off("close", done);
        resolve();
      };
      output.on("drain", done).on("close", done);
    });
  (async () => {
    for await (const rows of batches) {
      for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutralizeFormula(cell) : cell))).commit();
      // Let the compressor catch up, then wait while the client has not taken its output.
      await new Promise((resolve) => setImmediate(resolve));
      if (output.writableNeedDrain) await taken();
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  // By default the web stream would queue up to 16,384 chunks ahead of the client; a few keep the pressure on the writer.
  return Readable.toWeb(output, { strategy: new CountQueuingStrategy({ highWaterMark: 4 }) }) as ReadableStream<Uint8Array>;
}
