import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const layers = ["app", "components", "lib"] as const;
type Layer = (typeof layers)[number];

/** What each layer must never import: lib/ is domain and platform, components/ is UI, app/ is the routes on top. */
const forbidden: Record<Layer, Layer[]> = { lib: ["app", "components"], components: ["app"], app: [] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

// `import … from "x"`, `import "x"`, `export … from "x"`, `import("x")`; `import type` included: a type still ties the layers.
const importPattern =
  /(?:\bimport\s+(?:type\s+)?(?:[^'"();]*?\s+from\s+)?|\bexport\s+(?:type\s+)?[^'"();]*?\s+from\s+|\bimport\s*\(\s*)["']([^"']+)["']/g;

/** The specifiers a file imports. */
function importsOf(source: string): string[] {
  return [...source.matchAll(importPattern)].map((match) => match[1]!);
}

/** The repository-relative path an import resolves to, or undefined for a package. */
function resolve(from: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(root, path.resolve(path.dirname(from), specifier));
  return undefined;
}

function layerOf(relativePath: string): Layer | undefined {
  const top = relativePath.split(path.sep)[0];
  return layers.find((layer) => layer === top);
}

interface Edge {
  file: string;
  specifier: string;
  target: string;
}

function edges(): Edge[] {
  return layers.flatMap((layer) =>
    existsSync(path.join(root, layer))
      ? sourceFiles(path.join(root, layer)).flatMap((full) =>
          importsOf(readFileSync(full, "utf8")).flatMap((specifier) => {
            const target = resolve(full, specifier);
            return target === undefined ? [] : [{ file: path.relative(root, full), specifier, target }];
          }),
        )
      : [],
  );
}

describe("the import graph", () => {
  const all = edges();

  it("is read from every layer", () => {
    // A regex that stopped matching would pass every rule below.
    expect(all.filter((edge) => layerOf(edge.file) === "app").length).toBeGreaterThan(50);
    expect(all.filter((edge) => layerOf(edge.file) === "lib").length).toBeGreaterThan(50);
    expect(all.filter((edge) => layerOf(edge.file) === "components").length).toBeGreaterThan(20);
  });

  it("recognises every import form", () => {
    expect(
      importsOf(
        `import a from "@/a";\nimport type { B } from "./b";\nimport "./c";\nexport { d } from "../d";\nexport * from "@/e";\nconst f = await import("@/f");\nimport {\n  g,\n  h,\n} from "@/g";`,
      ),
    ).toEqual(["@/a", "./b", "./c", "../d", "@/e", "@/f", "@/g"]);
  });

  for (const layer of layers) {
    for (const banned of forbidden[layer]) {
      it(`has no import from ${layer}/ into ${banned}/`, () => {
        const offenders = all
          .filter((edge) => layerOf(edge.file) === layer && layerOf(edge.target) === banned)
          .map((edge) => `${edge.file} → ${edge.specifier}`);
        expect(offenders).toEqual([]);
      });
    }
  }
});
