import { describe, expect, it } from "vitest";
import { withImportSlot } from "@/lib/import/import-slot";
import { BulkFileError, readBulkFile } from "@/lib/import/read-bulk-file";
import { spreadsheetBomb } from "../support/spreadsheet-bomb";

const MB = 1024 * 1024;
/** What the process holds in JavaScript objects and buffers (RSS also counts memory freed but not yet returned). */
const held = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

describe("bomba de hoja de cálculo", () => {
  it("un XLSX de unos 5 MB que se descomprime en un millón de filas se rechaza en español sin agotar la memoria", async () => {
    const bomb = await spreadsheetBomb(1_000_000);
    expect(bomb.length).toBeGreaterThan(4 * MB);
    expect(bomb.length).toBeLessThanOrEqual(5 * MB);
    const before = held();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, held())), 5);
    const started = performance.now();
    const refusal = await readBulkFile("bomba.xlsx", bomb).then(
      () => null,
      (error: unknown) => error,
    );
    clearInterval(sampler);
    peak = Math.max(peak, held());
    // A bound, not a timing: printed for the record.
    console.log(
      `bomba de ${(bomb.length / MB).toFixed(1)} MB rechazada en ${Math.round(performance.now() - started)} ms; memoria +${((peak - before) / MB).toFixed(1)} MB`,
    );
    expect(refusal).toBeInstanceOf(BulkFileError);
    expect((refusal as Error).message).toBe("El XLSX descomprimido supera 32 MB: no parece una exportación del portal.");
    expect(peak - before).toBeLessThan(100 * MB);
  }, 120_000);

  it("solo una importación a la vez por proceso: la siguiente recibe un mensaje claro y la que sigue a la primera pasa", async () => {
    const bomb = await spreadsheetBomb(200_000);
    const first = withImportSlot(() => readBulkFile("bomba.xlsx", bomb)).catch((error: Error) => error.message);
    const second = withImportSlot(() => readBulkFile("bomba.xlsx", bomb)).catch((error: Error) => error.message);
    expect(await second).toBe("Ya hay una importación en curso; intente en unos segundos.");
    expect(await first).toMatch(/no parece una exportación del portal|más de 20000 filas/);
    expect(await withImportSlot(async () => "libre")).toBe("libre");
  }, 120_000);
});
