import { apiHandler } from "@/lib/api/api-handler";
import { parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";
import { searchInitiatives } from "@/lib/initiatives/search-initiatives";

export const dynamic = "force-dynamic";

/** The table's query as JSON: same parameters as /iniciativas, one page at a time. */
export const GET = apiHandler(
  { permission: "matrix:read", what: "api: listar iniciativas", query: parseInitiativeQueryStrict },
  async ({ readDb, query }) => {
    const page = await searchInitiatives(readDb, query);
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
  },
);
