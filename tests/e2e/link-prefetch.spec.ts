import { expect, test, type Request } from "@playwright/test";
import { signIn } from "./support/auth";

// Next's Link prefetches with an `_rsc` query; a page's own document request has none.
const isPrefetch = (request: Request) => new URL(request.url()).searchParams.has("_rsc");

test("los enlaces piden su página solo cuando el lector apunta a ellos, y navegan sin recargar", async ({ page }) => {
  await signIn(page, "viewer", "/");
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  await page.reload({ waitUntil: "networkidle" });
  await page.mouse.wheel(0, 50_000);
  await page.waitForLoadState("networkidle");
  // The home page links the header, every objective and the table: none of them was asked for.
  expect(requests.filter(isPrefetch).map((r) => r.url())).toEqual([]);

  const dashboard = page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Tablero" });
  const prefetched = page.waitForRequest((r) => isPrefetch(r) && new URL(r.url()).pathname === "/tablero");
  await dashboard.hover();
  await prefetched;

  const matrix = page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Matriz" });
  const focused = page.waitForRequest((r) => isPrefetch(r) && new URL(r.url()).pathname === "/matriz");
  await matrix.focus();
  await focused;

  requests.length = 0;
  await dashboard.click();
  await expect(page).toHaveURL(/\/tablero$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tablero de seguimiento" })).toBeVisible();
  // A client-side transition: no new document.
  expect(requests.filter((r) => r.resourceType() === "document")).toEqual([]);
});
