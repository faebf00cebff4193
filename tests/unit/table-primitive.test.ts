import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ColumnHeader, RowHeader, SortableColumnHeader, SortLabel, Table, TableHead } from "@/components/ui/table";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".tsx") ? [full] : [];
  });
}

describe("the table primitive (components/ui/table.tsx)", () => {
  it("gives every table its caption and every header cell its scope", () => {
    const html = renderToStaticMarkup(
      h(
        Table,
        { caption: "Usuarios" },
        h(TableHead, null, h(ColumnHeader, null, "Nombre")),
        h("tbody", null, h("tr", null, h(RowHeader, null, "Ana"))),
      ),
    );
    expect(html).toContain('<caption class="sr-only">Usuarios</caption>');
    expect(html).toContain('<th scope="col" class="px-4 py-2">Nombre</th>');
    expect(html).toContain('<th scope="row" class="px-4 py-2 font-normal">Ana</th>');
  });

  it("marks the sorted column with aria-sort and says the direction to a screen reader", () => {
    const labels = { ascending: "orden ascendente", descending: "orden descendente" };
    const header = (direction: "descending" | null) =>
      renderToStaticMarkup(
        h(
          SortableColumnHeader,
          { direction },
          h("button", { type: "button" }, h(SortLabel, { direction, directionLabels: labels }, "Nombre")),
        ),
      );
    const sorted = header("descending");
    expect(sorted).toMatch(/^<th scope="col" aria-sort="descending"><button type="button"/);
    expect(sorted).toContain('<span class="sr-only">, orden descendente</span>');
    const unsorted = header(null);
    expect(unsorted).not.toContain("aria-sort");
    expect(unsorted).toContain("↕");
  });

  it("is what new tables are built on", () => {
    // Charts' companion tables and the mechanism grid keep their own markup; anything new uses the primitive.
    const ownMarkup = [
      "app/matriz/page.tsx",
      "components/tracking/dashboard-mechanisms.tsx",
      "components/tracking/progress-bars.tsx",
      "components/tracking/status-bars.tsx",
      "components/indicators/indicator-chart.tsx",
      "components/initiatives/initiatives-table.tsx",
    ];
    const raw = ["app", "components"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .map((full) => path.relative(root, full))
      .filter(
        (file) => file !== path.join("components", "ui", "table.tsx") && /<table\b/.test(readFileSync(path.join(root, file), "utf8")),
      );
    expect(raw.sort()).toEqual(ownMarkup.sort());
  });
});
