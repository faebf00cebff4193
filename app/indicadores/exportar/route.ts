import { apiHandler } from "@/lib/api/api-handler";
import { t } from "@/lib/i18n";
import { exchangeFileStream, exchangeQuerySchema, exchangeRowBatches } from "@/lib/indicators/indicator-file";
import { todayInQuito } from "@/lib/tracking/days";

export const dynamic = "force-dynamic";

const TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** CSV or XLSX of the indicators (with their yearly targets) or of the measurements, streamed as it is read; whoever reads the matrix may export it. */
export const GET = apiHandler(
  { permission: "matrix:export", what: "exportar indicadores", query: exchangeQuerySchema },
  async ({ readDb: db, query }) => {
    const stamp = todayInQuito();
    const name = `${t.indicatorFile.fileNames[query.archivo]}${query.iniciativa ? `-iniciativa-${query.iniciativa}` : ""}-${stamp}.${query.formato}`;
    return new Response(
      exchangeFileStream(query.archivo, query.formato, await exchangeRowBatches(db, query.archivo, query.iniciativa), stamp),
      {
        headers: {
          "cache-control": "no-store",
          "content-type": TYPES[query.formato],
          "content-disposition": `attachment; filename="${name}"`,
        },
      },
    );
  },
);
