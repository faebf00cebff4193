import { initiativesHref, objectiveFilter } from "@/lib/initiatives/initiative-query";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ObjectiveReport } from "@/components/tracking/objective-report";
import { PrintButton } from "@/components/ui/print-button";
import { IndicatorOverviewPanel } from "@/components/indicators/indicator-overview";
import { metadataReader, requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { getObjectiveName, parseObjectiveCode } from "@/lib/objectives/get-objective-name";
import { getIndicatorOverview } from "@/lib/indicators/indicator-overview";
import { todayInQuito } from "@/lib/tracking/days";
import { computeObjectiveReport } from "@/lib/tracking/get-objective-report";

type Params = Promise<{ code: string }>;

const objectiveName = (code: string) => (code.includes(".") ? t.objective.management(code) : t.objective.development(code));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const db = await metadataReader();
  const found = db && (await getObjectiveName(db, (await params).code));
  return { title: found ? t.report.title(t.objective[found.kind](found.code)) : t.errors.notFound };
}

export default async function ObjectiveReportPage({ params }: { params: Params }) {
  const { code: segment } = await params;
  const { readDb } = await requirePageReader(`/objetivos/${encodeURIComponent(segment)}/informe`);
  const code = parseObjectiveCode(segment);
  const report = code === null ? null : await computeObjectiveReport(readDb, code);
  if (!report) notFound();
  const overview = await getIndicatorOverview(readDb, todayInQuito(), report.code);

  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/objetivos/${report.code}`} className="text-sm text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t.report.back}
        </Link>
        <PrintButton label={t.report.print} />
      </div>
      <ObjectiveReport report={report} name={objectiveName(report.code)} today={todayInQuito()} />
      <IndicatorOverviewPanel overview={overview} lateHref={initiativesHref({ ...objectiveFilter(report.code), hitos: "atrasados" })} />
    </div>
  );
}
