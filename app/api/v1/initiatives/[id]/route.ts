import { z } from "zod";
import { apiHandler, segment } from "@/lib/api/api-handler";
import { AppError } from "@/lib/errors/app-error";
import { t } from "@/lib/i18n";
import { getInitiative, parseInitiativeId } from "@/lib/initiatives/get-initiative";
import { dateToDay } from "@/lib/tracking/days";

export const dynamic = "force-dynamic";

export const GET = apiHandler(
  { permission: "matrix:read", what: "api: ver iniciativa", params: z.object({ id: segment(parseInitiativeId, t.errors.idParameter) }) },
  async ({ readDb, params: { id } }) => {
    const found = await getInitiative(readDb, id);
    if (!found) throw new AppError("not_found", t.errors.initiativeNotFound);
    const { initiative } = found;
    const mo = initiative.managementObjective;
    return Response.json(
      {
        id: initiative.id,
        name: initiative.name,
        archived: initiative.archivedAt !== null,
        developmentObjective: { code: mo.developmentObjective.code, title: mo.developmentObjective.title },
        managementObjective: { code: mo.code, title: mo.title },
        articulationObjectives: initiative.articulationObjectives.map((o) => ({
          text: o.text,
          mechanisms: o.mechanisms.map((m) => m.mechanism),
        })),
        source: initiative.sourceLine ? { line: initiative.sourceLine, page: initiative.sourcePage } : null,
        status: initiative.status,
        progress: initiative.progress,
        lastUpdateOn: initiative.lastUpdateOn ? dateToDay(initiative.lastUpdateOn) : null,
        version: initiative.version,
        updatedAt: initiative.updatedAt.toISOString(),
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
);
