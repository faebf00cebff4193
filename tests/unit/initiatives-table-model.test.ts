import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { initiativesTableModel } = await import("@/components/initiatives/table-model");

describe("the initiatives table's column model (TanStack Table, on the server)", () => {
  it("marks the column the address sorts by, and only that one", () => {
    const model = initiativesTableModel({ orden: "estado", dir: "desc" }, []);
    const headers = model.headerGroups.flatMap((group) => group.headers);
    expect(headers.map((h) => h.id)).toEqual([
      "iniciativa",
      "objetivo",
      "mecanismos",
      "objetivos",
      "estado",
      "responsable",
      "actualizacion",
    ]);
    expect(headers.filter((h) => h.direction)).toEqual([
      expect.objectContaining({ id: "estado", sort: "estado", direction: "descending" }),
    ]);
    expect(headers.find((h) => h.id === "mecanismos")?.sort).toBeUndefined();
    expect(initiativesTableModel({ orden: "nombre", dir: "asc" }, []).headerGroups[0]?.headers[0]?.direction).toBe("ascending");
    // The default orders (document, relevance) have no header.
    const byDocument = initiativesTableModel({ orden: "documento", dir: "asc" }, []);
    expect(byDocument.headerGroups.flatMap((group) => group.headers).some((h) => h.direction)).toBe(false);
  });

  it("hides what `ocultar` names, but never the initiative's name", () => {
    const model = initiativesTableModel({ orden: "documento", dir: "asc" }, ["estado", "iniciativa", "mecanismos", "nada"]);
    expect(model.visible).toEqual(["iniciativa", "objetivo", "objetivos", "responsable", "actualizacion"]);
    expect(model.headerGroups[0]?.headers.map((h) => h.id)).toEqual(model.visible);
    expect(model.hideable.map((c) => c.id)).not.toContain("iniciativa");
    expect(model.hideable).toHaveLength(6);
  });

  it("builds one model per sort and hidden columns, whatever order `ocultar` lists them in", () => {
    const first = initiativesTableModel({ orden: "objetivo", dir: "asc" }, ["estado", "mecanismos"]);
    expect(initiativesTableModel({ orden: "objetivo", dir: "asc" }, ["mecanismos", "estado", "iniciativa"])).toBe(first);
    expect(initiativesTableModel({ orden: "objetivo", dir: "desc" }, ["estado", "mecanismos"])).not.toBe(first);
  });
});
