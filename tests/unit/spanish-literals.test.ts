import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Files whose Spanish is not portal text, each with why it stays. Everything
 * else a user reads lives in lib/i18n, one namespace per file.
 */
const ALLOWED: Record<string, string> = {
  "lib/matrix/":
    "reads and writes the PMDOT source document: its headings, mechanism spellings and import notes are the document's own Spanish",
  "lib/tracking/counterpart-types.ts": "catalogue data: the counterpart types as stored and exported",
  "lib/users/manage-users.ts": "the demo accounts' names, seed data of `npm run dev`",
  "lib/indicators/demo-indicators.ts": "the demo indicators' names, seed data of `npm run dev`",
  "lib/api/openapi.ts": "the OpenAPI document for integrators, served as JSON, not portal UI",
  "lib/config.ts": "operator console lines at start-up, printed before the portal runs",
  "lib/startup.ts": "operator console line at start-up",
  "lib/db/": "operator console lines of the database commands (migrate, embedded PostgreSQL)",
  "lib/backup/": "operator console lines of `npm run backup` / `npm run restore`, and the backup file's own description",
  "lib/initiatives/export-initiatives.ts": "the column headers of the exchange file, which the bulk import reads back by name",
  "lib/initiatives/search-initiatives.ts": "SQL naming the URL's Spanish filter parameters",
  "scripts/command.mjs": "the plain-JavaScript launcher of the commands: it runs before anything is compiled, so it cannot import lib/i18n",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(?:tsx?|mjs)$/.test(name) ? [full] : [];
  });
}

const SPANISH_LETTERS = /[áéíóúñÁÉÍÓÚÑ¿¡]/;
// Words that are Spanish and not English (nor code): two of them, or one accented letter, make a Spanish sentence.
const SPANISH_WORDS =
  /(?<![\w-])(?:el|la|los|las|del|al|un|una|que|para|por|con|sin|su|sus|es|son|está|hay|como|más|hasta|debe|puede|escriba|elija|recargue|use|falta|ya|otra|otro|cada|entre|desde|sobre|también|se|lo|le|y|de|en|no)(?![\w-])/gi;

/** The text of string literals and JSX text in a source, comments and audit labels left out. */
function texts(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1")
    // What a refusal is audited as ("crear usuario"): a label of the audit trail, recorded as data.
    .replace(/\bwhat: "[^"]*"/g, "")
    .replace(/\bauthorize\(\s*"[^"]*",\s*"[^"]*"/g, "");
  return [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|>([^<>{}\n]*[A-Za-zÀ-ÿ][^<>{}\n]*)</g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? "",
  );
}

function isSpanish(text: string): boolean {
  // Addresses, ids and slugs are Spanish by design ("/iniciativas", "filtro-usuario").
  if (!/\s/.test(text.trim())) return false;
  return SPANISH_LETTERS.test(text) || (text.match(SPANISH_WORDS)?.length ?? 0) >= 2;
}

describe("los textos en español viven en lib/i18n", () => {
  it("reconoce una frase en español y deja pasar código, direcciones e inglés", () => {
    expect(texts('const a = "Escriba el nombre."; const b = <p>Guardar cambios</p>;').filter(isSpanish)).toEqual(["Escriba el nombre."]);
    expect(texts(`x("filtro-usuario"); logger.error("server action failed"); \`/iniciativas/\${id}\``).filter(isSpanish)).toEqual([]);
    expect(isSpanish("La contraseña es demasiado larga.")).toBe(true);
  });

  it("no hay frases en español en app/, components/, lib/, scripts/ ni server/ fuera de lib/i18n", () => {
    const files = ["app", "components", "lib", "scripts", "server"]
      .flatMap((layer) => sourceFiles(path.join(root, layer)))
      .map((full) => path.relative(root, full));
    // The commands and the production server are read too: their console lines are text an operator reads.
    expect(files).toEqual(expect.arrayContaining(["scripts/run.ts", "scripts/command.mjs", "server/start.ts"]));
    const offenders = files
      .filter((file) => !file.startsWith("lib/i18n/") && !Object.keys(ALLOWED).some((allowed) => file.startsWith(allowed)))
      .flatMap((file) =>
        texts(readFileSync(path.join(root, file), "utf8"))
          .filter(isSpanish)
          .map((text) => `${file}: ${text}`),
      );
    expect(offenders).toEqual([]);
  });
});
