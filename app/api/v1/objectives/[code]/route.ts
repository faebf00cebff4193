import { withApiUser } from "@/lib/api/with-api-user";
import { problem } from "@/lib/http/problem";
import { t } from "@/lib/i18n";
import { parseObjectiveCode } from "@/lib/objectives/get-objective-name";
import { getObjectiveReport } from "@/lib/tracking/get-objective-report";
import { rollupJson } from "@/lib/tracking/rollup-text";

export const dynamic = "force-dynamic";

/** One objective's roll-up with its coverage, and each management objective's. */
export function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  return withApiUser("matrix:read", "api: ver objetivo", async () => {
    const code = parseObjectiveCode((await params).code);
    if (code === null) return problem(400, `code: ${t.planner.codeParameter}`, [{ parameter: "code", message: t.planner.codeParameter }]);
    const report = await getObjectiveReport(code);
    if (!report) return problem(404, t.planner.objectiveNotFound);
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
  });
}
