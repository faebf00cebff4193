import Link from "next/link";
import { t } from "@/lib/i18n";

/** The shared layout of the 403 and 404 pages. */
export function StatusPage({ code, title, detail }: { code: number; title: string; detail: string }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-accent-600">{code}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{title}</h1>
      <p className="mt-3 text-slate-700">{detail}</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t.errors.backHome}
      </Link>
    </div>
  );
}
