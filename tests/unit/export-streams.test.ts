import { describe, expect, it } from "vitest";
import { exportCsv, exportXlsx, type ExportRow } from "@/lib/initiatives/export-initiatives";

const row = (id: number, text = "x".repeat(2_000)): ExportRow => [
  id,
  "1",
  "D",
  "1.1",
  "G",
  `Iniciativa ${id}`,
  1,
  text,
  "Convenios",
  "Por iniciar",
  "",
  "",
  "",
  "",
  "",
  1,
];

/** Batches of rows that count how many the export has read. */
function counted(batches: ExportRow[][]) {
  const state = { read: 0, finished: false };
  const iterable = (async function* () {
    try {
      for (const batch of batches) {
        state.read++;
        yield batch;
      }
    } finally {
      state.finished = true;
    }
  })();
  return { state, iterable };
}

describe("exportaciones en flujo", () => {
  it("el CSV sigue tras un lote vacío (iniciativas borradas a mitad de la exportación)", async () => {
    const { iterable } = counted([[row(1, "a")], [], [], [row(2, "b")]]);
    const lines = (await new Response(exportCsv(iterable)).text()).trimEnd().split("\r\n");
    expect(lines.map((line) => line.split(";")[0])).toEqual(["Id iniciativa", "1", "2"]);
  });

  it("el XLSX no lee más lotes que los que el cliente se lleva, y deja de leer cuando el cliente se va", async () => {
    const { state, iterable } = counted(Array.from({ length: 200 }, (_, n) => Array.from({ length: 50 }, (_, k) => row(n * 50 + k))));
    const reader = exportXlsx(iterable).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 300));
    // Without waiting for the client it read all 200 (100 MB of rows) before the first chunk was taken.
    expect(state.read).toBeLessThan(50);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 300));
    expect(state.finished).toBe(true);
    expect(state.read).toBeLessThan(200);
  });
});
