import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseInitiativeQuery } from "@/lib/initiatives/initiative-query";
import { searchInitiatives } from "@/lib/initiatives/search-initiatives";
import { suggestSearches } from "@/lib/initiatives/suggest-searches";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";
import { mechanismHints } from "@/lib/mechanisms/mechanism-hints";
import { createTestDatabase, type TestDatabase } from "../support/database";

vi.mock("server-only", () => ({}));

describe("ayuda ante una búsqueda sin resultados", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importMatrix(database.db, readMatrixFile(SEED_SOURCE).document);
  });
  afterAll(() => database?.drop());

  it("«desnutricon» no encuentra nada, y propone «desnutricion» y las iniciativas que la nombran", async () => {
    expect((await searchInitiatives(database.db, parseInitiativeQuery({ q: "desnutricon" }).query)).count).toBe(0);
    const suggestions = await suggestSearches(database.db, "desnutricon");
    expect(suggestions.query).toBe("desnutricion");
    expect(suggestions.initiatives.length).toBeGreaterThan(0);
    // The corrected search finds the initiatives proposed first.
    const corrected = await searchInitiatives(database.db, parseInitiativeQuery({ q: suggestions.query! }).query);
    expect(corrected.count).toBeGreaterThan(0);
    expect(corrected.data.map((r) => r.id)).toContain(suggestions.initiatives[0]!.id);
  });

  it("corrige solo la palabra mal escrita de una búsqueda de varias, y no inventa nada para un texto sin parecido", async () => {
    const suggestions = await suggestSearches(database.db, "Desnutricon infantil");
    expect(suggestions.query).toBe("desnutricion infantil");
    expect(await suggestSearches(database.db, "zzzzqqqq")).toEqual({ query: null, initiatives: [] });
    expect(await suggestSearches(database.db, "  ")).toEqual({ query: null, initiatives: [] });
  });

  it("«Convenios» advierte que no incluye «Convenios de delegación»", () => {
    const hints = mechanismHints([
      "Acuerdos",
      "Convenios",
      "Convenios de delegación",
      "Alianzas estratégicas",
      "Alianzas público-privadas",
    ]);
    expect(hints).toEqual({ Convenios: "No incluye «Convenios de delegación», que es otro mecanismo." });
  });
});
