import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { DropdownDismiss } from "@/components/ui/dropdown-dismiss";
import { SavedNotice } from "@/components/ui/saved-notice";
import { UnsavedChangesGuard } from "@/components/ui/unsaved-changes-guard";
import { t } from "@/lib/i18n";
import { signOutAction } from "./salir/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${t.app.name} · ${t.app.longName}`, template: `%s · ${t.app.name}` },
  description: `${t.app.longName}. ${t.app.owner}.`,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="es-EC">
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenido"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
        >
          {t.app.skipToContent}
        </a>
        <SiteHeader signOut={signOutAction} />
        <main id="contenido" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 lg:px-8">
          <SavedNotice notices={{ cambios: t.planner.changesSaved, nueva: t.editing.created }} />
          {children}
        </main>
        <SiteFooter />
        <DropdownDismiss />
        <UnsavedChangesGuard confirm={t.planner.leaveConfirm} />
      </body>
    </html>
  );
}
