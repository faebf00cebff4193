import type { ReactNode } from "react";

/** The title of a page, with its introduction and anything that belongs beside them (actions, counts). */
export function PageHeader({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      {intro && <p className="max-w-3xl text-slate-700">{intro}</p>}
      {children}
    </header>
  );
}
