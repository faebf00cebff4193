import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { BULK_FORM_ID, BulkApproveForm, ReturnReportForm } from "@/components/accountability/review-forms";
import { reviewQueue } from "@/lib/accountability/queries";
import { requirePageReader } from "@/lib/auth/current-user";
import { formatDateTime, t } from "@/lib/i18n";
import { approveReportsAction, returnReportAction } from "./actions";

export const metadata: Metadata = { title: t.accountability.reviewTitle };

export default async function ReviewPage() {
  const { db } = await requirePageReader("/revision", "reports:review");
  const queue = await reviewQueue(db);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{t.accountability.reviewTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.accountability.reviewIntro}</p>
        <p className="max-w-3xl text-sm text-slate-700">{t.accountability.rollupSource}</p>
      </header>
      {/* Always there: after the last approval its message stays on screen. */}
      <BulkApproveForm action={approveReportsAction} />
      {queue.length === 0 ? (
        <p className="text-slate-700" data-testid="queue-empty">
          {t.accountability.queueEmpty}
        </p>
      ) : (
        <ul className="space-y-3" aria-label={t.accountability.reviewTitle}>
          {queue.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="queue-item">
              <div className="flex flex-wrap items-start gap-3">
                <input
                  type="checkbox"
                  form={BULK_FORM_ID}
                  name="reports"
                  value={`${item.id}:${item.version}`}
                  id={`elegir-${item.id}`}
                  className="mt-1"
                  aria-label={t.accountability.choose(item.initiative.name)}
                />
                <div className="min-w-0 flex-1 space-y-1 text-sm">
                  <p className="font-semibold text-slate-900">
                    <Link href={`/iniciativas/${item.initiative.id}/seguimiento`} className="text-brand-700 underline">
                      {item.initiative.name}
                    </Link>
                  </p>
                  <p className="text-slate-700">
                    {item.periodName}
                    {item.initiative.leadSecretariat && ` · ${item.initiative.leadSecretariat}`}
                  </p>
                  <p>
                    {t.tracking.statuses[item.progressStatus]}
                    {item.progress !== null && ` · ${item.progress} %`}
                  </p>
                  <p className="whitespace-pre-line break-words">{item.note}</p>
                  {item.evidenceUrl && (
                    <p>
                      <a className="break-all text-brand-700 underline" href={item.evidenceUrl} rel="noopener noreferrer" target="_blank">
                        {t.accountability.evidenceLink}
                      </a>
                    </p>
                  )}
                  {item.returnReason && <p className="text-amber-900">{t.accountability.resubmittedAfter(item.returnReason)}</p>}
                  <p className="text-xs text-slate-600">
                    {t.accountability.submittedBy(item.authorName, formatDateTime(item.submittedAt))}
                  </p>
                  <ReturnReportForm reportId={item.id} version={item.version} name={item.initiative.name} action={returnReportAction} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
