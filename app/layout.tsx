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
        {/* Component classes (app/globals.css): the layout is in the RSC payload of every page. */}
        <a href="#contenido" className="skip-link">
          {t.app.skipToContent}
        </a>
        <SiteHeader signOut={signOutAction} />
        <main id="contenido" tabIndex={-1} className="page-main">
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
