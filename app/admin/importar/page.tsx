import type { Metadata } from "next";
import { BulkImportForm } from "@/components/import/bulk-import-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { importAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: t.bulk.title };

export default async function BulkImportPage() {
  await requirePageUser("/admin/importar", "matrix:edit");
  return (
    <div className="space-y-6">
      <PageHeader title={t.bulk.title} intro={t.bulk.intro} />
      <BulkImportForm action={importAction} />
    </div>
  );
}
