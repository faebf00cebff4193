import { apiHandler } from "@/lib/api/api-handler";
import { problem } from "@/lib/http/problem";
import { t } from "@/lib/i18n";
import { describeFilters, exportFileName } from "@/lib/initiatives/describe-filters";
import { exportCsv, exportRowBatches, exportXlsx } from "@/lib/initiatives/export-initiatives";
import { parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";
import { matchingInitiativeIds } from "@/lib/initiatives/search-initiatives";
import { todayInQuito } from "@/lib/tracking/days";

export const dynamic = "force-dynamic";

/** CSV or XLSX of every row the table's filters select (all pages), streamed as it is read. */
export const GET = apiHandler({ permission: "matrix:export", what: "exportar iniciativas" }, async ({ request, readDb: db }) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("formato") ?? "csv";
  params.delete("formato");
  params.delete("ocultar");
  if (format !== "csv" && format !== "xlsx")
    return problem(400, `formato: ${t.errors.formatParameter}`, [{ parameter: "formato", message: t.errors.formatParameter }]);
  const parsed = parseInitiativeQueryStrict(params);
  if (!parsed.success) return problem(400, t.errors.invalidParameters, parsed.errors);

  // The ids are read before the response starts: a database that does not answer gives an error, not a 200 and a cut-off file.
  const rows = exportRowBatches(db, await matchingInitiativeIds(db, parsed.query));
  const stamp = todayInQuito();
  const filters = await describeFilters(db, parsed.query);
  const common = { "cache-control": "no-store" };
  if (format === "csv") {
    return new Response(exportCsv(rows), {
      headers: {
        ...common,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(parsed.query, stamp, "csv")}"`,
      },
    });
  }
  return new Response(exportXlsx(rows, { day: stamp, filters }), {
    headers: {
      ...common,
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${exportFileName(parsed.query, stamp, "xlsx")}"`,
    },
  });
});
