import { z } from "zod";
import { apiHandler, segment } from "@/lib/api/api-handler";
import { AppError } from "@/lib/errors/app-error";
import { t } from "@/lib/i18n";
import { parseObjectiveCode } from "@/lib/objectives/get-objective-name";
import { computeObjectiveReport } from "@/lib/tracking/get-objective-report";
import { rollupJson } from "@/lib/tracking/rollup-text";

export const dynamic = "force-dynamic";

/** One objective's roll-up with its coverage, and each management objective's. */
export const GET = apiHandler(
  {
    permission: "matrix:read",
    what: "api: ver objetivo",
    params: z.object({ code: segment(parseObjectiveCode, t.planner.codeParameter) }),
  },
  async ({ readDb, params: { code } }) => {
    const report = await computeObjectiveReport(readDb, code);
    if (!report) throw new AppError("not_found", t.planner.objectiveNotFound);
    return Response.json(
      {
        code: report.code,
        kind: report.kind,
        title: report.title,
        initiatives: report.total,
        minCoverage: report.minCoverage,
        rollup: rollupJson(report.rollup),
        managementObjectives: report.groups.map((g) => ({ code: g.code, title: g.title, rollup: rollupJson(g.rollup) })),
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
);
