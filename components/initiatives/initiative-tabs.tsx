import { Link } from "@/components/ui/link";
import { t } from "@/lib/i18n";

type Tab = "ficha" | "seguimiento" | "historial" | "editar";

export function InitiativeTabs({ id, current, canEdit, canTrack }: { id: number; current: Tab; canEdit: boolean; canTrack: boolean }) {
  const tabs: { key: Tab; href: string; label: string }[] = [
    { key: "ficha", href: `/iniciativas/${id}`, label: t.editing.tabSheet },
    ...(canTrack ? [{ key: "seguimiento" as const, href: `/iniciativas/${id}/seguimiento`, label: t.tracking.tab }] : []),
    { key: "historial", href: `/iniciativas/${id}/historial`, label: t.editing.tabHistory },
    ...(canEdit ? [{ key: "editar" as const, href: `/iniciativas/${id}/editar`, label: t.editing.tabEdit }] : []),
  ];
  return (
    <nav aria-label={t.editing.tabs} className="no-print border-b border-slate-200">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={`-mb-px inline-block border-b-2 px-4 py-2 text-sm font-medium ${
                tab.key === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
