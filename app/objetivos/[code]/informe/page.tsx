import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ObjectiveReport } from "@/components/tracking/objective-report";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageUser } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getObjectiveName } from "@/lib/objectives/get-objective-name";
import { todayInQuito } from "@/lib/tracking/days";
import { getObjectiveReport } from "@/lib/tracking/get-objective-report";

type Params = Promise<{ code: string }>;

/** The code of the address; a malformed escape names no objective. */
const decodeCode = (raw: string) => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
};

const objectiveName = (code: string) => (code.includes(".") ? t.objective.management(code) : t.objective.development(code));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await getObjectiveName(decodeCode((await params).code));
  return { title: found ? t.report.title(t.objective[found.kind](found.code)) : t.errors.notFound };
}

export default async function ObjectiveReportPage({ params }: { params: Params }) {
  const code = decodeURIComponent((await params).code);
  await requirePageUser(`/objetivos/${encodeURIComponent(code)}/informe`);
  const report = /^\d{1,2}(\.\d{1,2})?$/.test(code) ? await getObjectiveReport(code) : null;
  if (!report) notFound();

  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/objetivos/${report.code}`} className="text-sm text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t.report.back}
        </Link>
        <PrintButton label={t.report.print} />
      </div>
      <ObjectiveReport report={report} name={objectiveName(report.code)} today={todayInQuito()} />
    </div>
  );
}
