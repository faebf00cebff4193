import type { Metadata } from "next";
import { BulkImportForm } from "@/components/import/bulk-import-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { importAction } from "./actions";

export const metadata: Metadata = { title: t.bulk.title };

export default async function BulkImportPage() {
  await requirePageUser("/admin/importar", "matrix:edit");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{t.bulk.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.bulk.intro}</p>
      </header>
      <BulkImportForm action={importAction} />
    </div>
  );
}
