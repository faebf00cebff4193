import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const layout = readme.slice(readme.indexOf("## Estructura del código"));

describe("la estructura del código del README coincide con el árbol", () => {
  it("nombra cada carpeta y módulo de lib/", () => {
    const entries = readdirSync(path.join(root, "lib"), { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? `\`lib/${entry.name}/\`` : `\`lib/${entry.name}\``,
    );
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.filter((entry) => !layout.includes(entry))).toEqual([]);
  });

  it("nombra cada carpeta de primer nivel del repositorio", () => {
    const folders = readdirSync(root, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && !entry.name.startsWith(".") && !["node_modules", "dist", "test-results"].includes(entry.name),
      )
      .map((entry) => `\`${entry.name}/\``);
    expect(folders.filter((folder) => !layout.includes(folder))).toEqual([]);
  });

  it("nombra cada decisión de docs/adr por su número", () => {
    const numbers = readdirSync(path.join(root, "docs/adr")).map((file) => file.slice(0, 4));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((number) => !layout.includes(` ${number} `))).toEqual([]);
  });
});
