import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/** Deterministic pseudo-random strings, hostile on purpose: SQL, HTML, unicode, huge, broken encodings. */
function* hostileValues(count: number, seed = 42) {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const fixed = [
    '\'; DROP TABLE "Initiative"; --',
    "<script>alert(1)</script>",
    "%",
    "%%",
    "_",
    "\\",
    "\u0000",
    "%00",
    "%zz",
    "%E0%A4%A",
    "1.1.1",
    "-1",
    "0",
    "9999999999999999999999",
    "1e309",
    "NaN",
    "null",
    "undefined",
    "[]",
    "{}",
    "a".repeat(5000),
    "ñandú",
    "🙂",
    "\u202e",
    "convenios,convenios,,",
    "../../etc/passwd",
    "..%2f..%2f",
    "1 OR 1=1",
    "$where",
    "__proto__",
  ];
  yield* fixed;
  const alphabet = Array.from("abc123.,-_%'\"<>&;=/\\ áéíóúñ🙂\u0000\t\n");
  for (let i = fixed.length; i < count; i++) {
    const length = Math.floor(random() * 40);
    yield Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  }
}

const PARAMS = ["q", "desarrollo", "objetivo", "mecanismo", "modo", "orden", "dir", "pagina", "por", "ocultar"];

for (const target of ["/iniciativas", "/api/v1/initiatives"]) {
  test(`parámetros aleatorios y hostiles en ${target}: nunca 500 ni trazas`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, "viewer");
    const count = target.startsWith("/api") ? 2_000 : 1_000;
    for (const raw of ["q=%zz", "q=%E0%A4%A", "pagina=%", "objetivo=%C0%AE", "q=%FF%FE", "por[]=1&por=2"]) {
      const response = await page.request.get(`${target}?${raw}`, { maxRedirects: 0, failOnStatusCode: false });
      expect(response.status(), raw).toBeLessThan(500);
    }
    let index = 0;
    for (const value of hostileValues(count)) {
      const name = PARAMS[index++ % PARAMS.length]!;
      const url = `${target}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      const response = await page.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      expect(response.status(), url).toBeLessThan(500);
      const body = await response.text();
      expect(body, url).not.toMatch(/at \w+ \(|node_modules|PrismaClient|stack/);
    }
  });
}
