import { t } from "@/lib/i18n";

export function SiteFooter() {
  return (
    <footer className="no-print border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-7xl px-4 py-6 text-sm text-slate-600 sm:px-6 lg:px-8">
        <p>{t.app.footer}</p>
        <p>{t.app.owner}</p>
      </div>
    </footer>
  );
}
