"use server";

import { approveReports, returnReport } from "@/lib/accountability/reports";
import { approveReportsSchema, returnReportSchema } from "@/lib/accountability/schemas";
import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";

export const approveReportsAction = formAction({
  permission: "reports:review",
  what: "aprobar reportes",
  audit: ["report.approve"],
  schema: approveReportsSchema,
  run: async ({ reports }, { user, request, db }) => {
    const approved = await approveReports(db, reports, user, request);
    return { message: t.accountability.approved(approved.length) };
  },
});

export const returnReportAction = formAction({
  permission: "reports:review",
  what: "devolver reporte",
  audit: ["report.return"],
  schema: returnReportSchema,
  run: async (input, { user, request, db }) => {
    await returnReport(db, input, user, request);
    return { message: t.accountability.returned };
  },
});
