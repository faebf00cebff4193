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
    return /\.(?:tsx?|mjs)$/.test(name) ? [full] : [];
  });
}

// `import … from "x"`, `import "x"`, `export … from "x"`, `import("x")`; `import type` included: a type still ties the layers.
const importPattern =
  /(?:\bimport\s+(?:type\s+)?(?:[^'"();]*?\s+from\s+)?|\bexport\s+(?:type\s+)?[^'"();]*?\s+from\s+|\bimport\s*\(\s*)["']([^"']+)["']/g;

/** The specifiers a file imports. */
function importsOf(source: string): string[] {
  return [...source.matchAll(importPattern)].map((match) => match[1]!);
}

/** What is still imported once types are erased: what a bundle carries. */
function runtimeImportsOf(source: string): string[] {
  return importsOf(source.replace(/\b(?:import|export)\s+type\s+[^'";]*?\s+from\s+["'][^"']+["']/g, ""));
}

/** The file an import names, with the extension the bundler would try. */
function fileOf(target: string): string | undefined {
  return [target, `${target}.ts`, `${target}.tsx`, path.join(target, "index.ts"), path.join(target, "index.tsx")].find(
    (candidate) => existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile(),
  );
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

  /** Every chain of runtime imports from a client component to one of the given files. */
  function clientChainsTo(banned: string[]): string[] {
    const source = (file: string) => readFileSync(path.join(root, file), "utf8");
    const clientFiles = layers
      .flatMap((layer) => sourceFiles(path.join(root, layer)))
      .map((full) => path.relative(root, full))
      .filter((file) => /^\s*["']use client["']/.test(source(file)));
    expect(clientFiles.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const start of clientFiles) {
      const seen = new Map<string, string | undefined>([[start, undefined]]);
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.shift()!;
        if (banned.includes(file)) {
          const chain = [file];
          for (let at = seen.get(file); at !== undefined; at = seen.get(at)) chain.unshift(at);
          offenders.push(chain.join(" → "));
          break;
        }
        for (const specifier of runtimeImportsOf(source(file))) {
          const target = resolve(path.join(root, file), specifier);
          const next = target === undefined ? undefined : fileOf(target);
          if (next !== undefined && !seen.has(next)) {
            seen.set(next, file);
            queue.push(next);
          }
        }
      }
    }
    return offenders;
  }

  it("keeps the typed environment out of client bundles", () => {
    // lib/config.ts reads process.env, which a browser does not have: a client component must not reach it, even through lib/.
    expect(clientChainsTo(["lib/config.ts"])).toEqual([]);
  });

  it("gives client bundles only the text namespaces they use", () => {
    // lib/i18n/index.ts carries the whole catalogue: a client component imports its namespaces from lib/i18n/es/ and the
    // formatters from lib/i18n/format.ts.
    expect(clientChainsTo(["lib/i18n/index.ts", "lib/i18n/es.ts"])).toEqual([]);
  });

  it("keeps TanStack Table on the server", () => {
    // The initiatives table's column model is built in a server component (ADR 0016): no client module reaches it, and
    // none imports a @tanstack package itself.
    expect(clientChainsTo(["components/initiatives/table-model.ts"])).toEqual([]);
    const clientImports = layers
      .flatMap((layer) => sourceFiles(path.join(root, layer)))
      .map((full) => readFileSync(full, "utf8"))
      .filter((source) => /^\s*["']use client["']/.test(source))
      .flatMap(runtimeImportsOf);
    expect(clientImports.filter((specifier) => specifier.startsWith("@tanstack/"))).toEqual([]);
  });

  it("has no page reaching for the database client itself", () => {
    // A page gets its clients from requirePageReader (after the permission check), its title's from metadataReader.
    const pages = all.filter((edge) => /^app\/(?:.*\/)?(?:page|layout)\.tsx$/.test(edge.file));
    expect(pages.length).toBeGreaterThan(20);
    const offenders = pages
      .filter((edge) => edge.target === path.join("lib", "db", "client"))
      .filter((edge) => runtimeImportsOf(readFileSync(path.join(root, edge.file), "utf8")).includes(edge.specifier))
      .map((edge) => `${edge.file} → ${edge.specifier}`);
    expect(offenders).toEqual([]);
  });

  it("has no component reaching for the database client itself", () => {
    // A server component (the layout's header) gets its client from lib/auth/current-user.ts, like a page.
    const offenders = all
      .filter((edge) => layerOf(edge.file) === "components" && edge.target === path.join("lib", "db", "client"))
      .filter((edge) => runtimeImportsOf(readFileSync(path.join(root, edge.file), "utf8")).includes(edge.specifier))
      .map((edge) => `${edge.file} → ${edge.specifier}`);
    expect(offenders).toEqual([]);
  });

  it("has no route handler reaching for the database client itself", () => {
    // The API's handlers get their clients from apiHandler (lib/api/api-handler.ts), after the session and role checks.
    const routes = all.filter((edge) => /^app\/(?:.*\/)?route\.ts$/.test(edge.file));
    expect(routes.filter((edge) => edge.file.startsWith(path.join("app", "api", "v1"))).length).toBeGreaterThan(3);
    const offenders = routes
      .filter((edge) => edge.target === path.join("lib", "db", "client"))
      .map((edge) => `${edge.file} → ${edge.specifier}`);
    expect(offenders).toEqual([]);
  });
});

describe("data access", () => {
  /** The thin authorised layer: it checks the session and role, then picks the client and hands it on. */
  const authorisedLayer = ["lib/auth/", "lib/api/", "lib/actions/"];
  /** Platform code that picks a client outside any request, and why. */
  const platform: Record<string, string> = {
    "lib/db/": "the clients themselves and the health check's ping",
    "lib/startup.ts": "the production start-up check, before any request or user",
  };
  const sessionModule = path.join("lib", "auth", "current-user");
  const clientModule = path.join("lib", "db", "client");
  /** What picks a client (a namespace import could be any of them); the type Db picks none. */
  const clientGetters = new Set(["getDb", "getReadDb", "getPrimaryDb", "createPrismaClient", "*"]);

  /** The runtime bindings of each static import (`*` for a namespace, default or dynamic one): types are erased. */
  function runtimeBindings(source: string): { specifier: string; names: string[] }[] {
    const statics = [...source.matchAll(/\bimport\s+(?!type\s)([^'"();]*?)\s+from\s+["']([^"']+)["']/g)].map((match) => {
      const clause = match[1]!;
      const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
      const names = named
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "" && !name.startsWith("type "))
        .map((name) => name.split(/\s+as\s+/)[0]!);
      return {
        specifier: match[2]!,
        names: clause
          .replace(/\{[^}]*\}/, "")
          .trim()
          .replace(/,$/, "")
          ? [...names, "*"]
          : names,
      };
    });
    const dynamics = [...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g)].map((match) => ({ specifier: match[1]!, names: ["*"] }));
    return [...statics, ...dynamics];
  }

  /** Each lib/ file with whether it picks a client and whether it reaches for the session's checks. */
  const libFiles = sourceFiles(path.join(root, "lib")).map((full) => {
    const file = path.relative(root, full);
    const bindings = runtimeBindings(readFileSync(full, "utf8")).map(({ specifier, names }) => ({
      target: resolve(full, specifier),
      names,
    }));
    return {
      file: file.split(path.sep).join("/"),
      picksClient: bindings.some(({ target, names }) => target === clientModule && names.some((name) => clientGetters.has(name))),
      authorises: bindings.some(({ target, names }) => target === sessionModule && names.length > 0),
    };
  });
  const inLayer = (file: string) => authorisedLayer.some((dir) => file.startsWith(dir));

  it("reads the bindings of every import form", () => {
    expect(
      runtimeBindings(
        `import { type Db, getReadDb } from "@/lib/db/client";\nimport type { Db } from "./client";\nimport { type CurrentUser } from "@/lib/auth/current-user";\nimport * as client from "@/lib/db/client";\nimport {\n  authorize as check,\n  logDenied,\n} from "@/lib/auth/current-user";\nconst m = await import("@/lib/db/client");`,
      ),
    ).toEqual([
      { specifier: "@/lib/db/client", names: ["getReadDb"] },
      { specifier: "@/lib/auth/current-user", names: [] },
      { specifier: "@/lib/db/client", names: ["*"] },
      { specifier: "@/lib/auth/current-user", names: ["authorize", "logDenied"] },
      { specifier: "@/lib/db/client", names: ["*"] },
    ]);
  });

  it("sees the authorised layer pick the client after its checks", () => {
    // Detectors that stopped matching would pass both rules below.
    const both = libFiles.filter((f) => f.picksClient && f.authorises).map((f) => f.file);
    expect(both).toEqual(expect.arrayContaining(["lib/api/api-handler.ts", "lib/actions/form-action.ts"]));
  });

  it("authorises and picks the client only in lib/auth, lib/api and lib/actions", () => {
    // A domain function that checked the role and chose its own client could not be called with another (a test's,
    // a transaction's, the primary after a write) and would check twice; its caller does both (CONTRIBUTING.md).
    const offenders = libFiles.filter((f) => f.picksClient && f.authorises && !inLayer(f.file)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it("has every other lib/ function take db as an argument", () => {
    const offenders = libFiles
      .filter((f) => f.picksClient && !inLayer(f.file))
      .filter((f) => !Object.keys(platform).some((allowed) => f.file === allowed || (allowed.endsWith("/") && f.file.startsWith(allowed))))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });
});

describe("the environment", () => {
  /** Where a raw read is the only way, and why. */
  const rawReadsAllowed: Record<string, string> = {
    "lib/config.ts": "the typed env itself",
    "next.config.js": "plain JavaScript Next loads before any TypeScript",
    "scripts/command.mjs": "plain JavaScript that launches the commands before anything is compiled",
  };
  // `process.env.X = …` (or `(process.env as …).X = …`) sets a variable for what runs after, and `...process.env` hands
  // the whole environment to a child process: neither reads a variable. What is left of the line once they are cut out is.
  const notRead = /\(?process\.env(?:\s+as\s+[^)]+\))?\.\w+\s*=(?!=)|\.\.\.process\.env\b(?![.[])/g;
  const readsEnv = (line: string) => line.replace(notRead, "").includes("process.env");

  it("is read through lib/config.ts only", () => {
    const files = [
      ...["app", "components", "lib", "scripts", "server"].flatMap((dir) => sourceFiles(path.join(root, dir))),
      path.join(root, "proxy.ts"),
      path.join(root, "next.config.js"),
    ].map((full) => path.relative(root, full));
    expect(files).toEqual(expect.arrayContaining(["proxy.ts", "scripts/dev.ts", "scripts/command.mjs"]));
    const offenders = files
      .filter((file) => !(file in rawReadsAllowed))
      .flatMap((file) =>
        readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
          .filter(({ line }) => readsEnv(line) && !/^\s*(?:\/\/|\*)/.test(line)),
      )
      .map(({ at }) => at);
    expect(offenders).toEqual([]);
  });

  it("tells a read from a write", () => {
    expect(readsEnv(`process.env.PMDOT_PORTAL_SERVER = "1";`)).toBe(false);
    expect(readsEnv(`(process.env as Record<string, string>).NODE_ENV = "production";`)).toBe(false);
    expect(readsEnv(`banner: { js: 'process.env.NODE_ENV = "production";' },`)).toBe(false);
    expect(readsEnv(`const dev = process.env.NODE_ENV === "production";`)).toBe(true);
  });

  it("tells a read from passing the environment on", () => {
    expect(readsEnv(`env: { ...process.env, DATABASE_URL: database.url },`)).toBe(false);
    expect(readsEnv(`env: { ...process.env, SECRET: process.env.SECRET ?? "x" },`)).toBe(true);
    expect(readsEnv(`const parts = [...process.env.PATH];`)).toBe(true);
    expect(readsEnv(`const path = { ...process.env["PATH"] };`)).toBe(true);
  });
});

describe("pages without JavaScript", () => {
  // React sends what comes after ~3 KB of a page as separate pieces, and inside a Suspense boundary whose
  // fallback already went out it leaves them in hidden blocks that only a script moves into place (ADR 0016).
  it("have no Suspense boundary: no loading.tsx and no <Suspense>", () => {
    const files = ["app", "components"].flatMap((layer) => sourceFiles(path.join(root, layer)));
    const offending = files.filter(
      (file) => /^loading\.(?:tsx?|jsx?)$/.test(path.basename(file)) || /<Suspense\b/.test(readFileSync(file, "utf8")),
    );
    expect(offending.map((file) => path.relative(root, file))).toEqual([]);
  });
});
