import { withApiUser } from "@/lib/api/with-api-user";
import { getReadDb } from "@/lib/db/client";
import { problem } from "@/lib/http/problem";
import { t } from "@/lib/i18n";
import { parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";
import { searchInitiatives } from "@/lib/initiatives/search-initiatives";

export const dynamic = "force-dynamic";

/** The table's query as JSON: same parameters as /iniciativas, one page at a time. */
export function GET(request: Request) {
  return withApiUser("matrix:read", "api: listar iniciativas", async () => {
    const parsed = parseInitiativeQueryStrict(new URL(request.url).searchParams);
    if (!parsed.success) return problem(400, t.errors.invalidParameters, parsed.errors);
    const page = await searchInitiatives(getReadDb(), parsed.query);
    return Response.json(
      {
        data: page.data.map((row) => ({
          id: row.id,
          name: row.name,
          managementObjective: row.managementObjective,
          developmentObjectiveCode: row.developmentObjectiveCode,
          mechanisms: row.mechanisms,
          articulationObjectiveCount: row.objectiveCount,
          status: row.status,
          progress: row.progress,
          leadSecretariat: row.leadSecretariat,
          lastUpdateOn: row.lastUpdateOn,
        })),
        count: page.count,
        currentPage: page.currentPage,
        perPage: page.perPage,
        totalPages: page.totalPages,
      },
      { headers: { "cache-control": "no-store" } },
    );
  });
}
