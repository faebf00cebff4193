import Link from "next/link";
import { layoutReader } from "@/lib/auth/current-user";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { t } from "@/lib/i18n";
import { SignOutMenuForm } from "@/components/auth/sign-out-menu-form";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { ActionState } from "@/lib/actions/form-action";
import { countUnread } from "@/lib/notifications/user-notifications";
import { NavLink } from "./nav-link";

/** signOut: the sign-out server action (app/salir/actions.ts), handed down by the layout. */
export async function SiteHeader({ signOut }: { signOut: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const reader = await layoutReader();
  const session = reader?.session;
  const user = session?.user;
  const links = user
    ? [
        { href: "/", label: t.nav.home },
        { href: "/iniciativas", label: t.nav.initiatives },
        { href: "/tablero", label: t.nav.dashboard },
        { href: "/matriz", label: t.nav.grid },
        { href: "/mecanismos", label: t.nav.mechanisms },
        ...(user.role === "REPORTER" ? [{ href: "/mis-iniciativas", label: t.accountability.mineTitle }] : []),
        ...(can(user.role, "progress:write") ? [{ href: "/indicadores", label: t.indicatorFile.navLink }] : []),
        ...(can(user.role, "reports:review") ? [{ href: "/revision", label: t.accountability.reviewTitle }] : []),
      ]
    : [];
  const adminLinks = user
    ? [
        ...(can(user.role, "matrix:edit")
          ? [
              { href: "/iniciativas/nueva", label: t.editing.newTitle },
              { href: "/admin/objetivos", label: t.nav.objectives },
              { href: "/admin/mecanismos", label: t.nav.vocabulary },
              { href: "/admin/importar", label: t.nav.bulkImport },
              { href: "/admin/catalogos", label: t.nav.catalogues },
            ]
          : []),
        ...(can(user.role, "users:manage") ? [{ href: "/admin/usuarios", label: t.nav.users }] : []),
        ...(can(user.role, "periods:manage") ? [{ href: "/admin/periodos", label: t.accountability.periodsTitle }] : []),
        ...(can(user.role, "audit:read") ? [{ href: "/admin/auditoria", label: t.nav.audit }] : []),
        ...(can(user.role, "settings:manage") ? [{ href: "/admin/configuracion", label: t.planner.navSettings }] : []),
        ...(can(user.role, "settings:manage") ? [{ href: "/admin/envios", label: t.notifications.deliveries.navLink }] : []),
      ]
    : [];
  const unread = reader ? await countUnread(reader.primaryDb, reader.session.user.id) : 0;

  return (
    <header className="on-dark no-print border-b-4 border-accent-600 bg-brand-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6 lg:px-8">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-lg font-semibold">{t.app.name}</span>
          <span className="text-sm text-brand-100">{t.app.owner}</span>
        </Link>
        {user && (
          <div className="flex flex-wrap items-center gap-4">
            <nav aria-label={t.nav.label}>
              <ul className="flex flex-wrap gap-1">
                {links.map((link) => (
                  <li key={link.href}>
                    <NavLink
                      href={link.href}
                      className="block rounded px-3 py-2 text-sm font-medium hover:bg-brand-700 data-[current]:bg-brand-700 data-[current]:underline data-[current]:underline-offset-4"
                    >
                      {link.label}
                    </NavLink>
                  </li>
                ))}
                {adminLinks.length > 0 && (
                  <li>
                    <details data-dropdown className="relative">
                      <summary className="cursor-pointer list-none rounded px-3 py-2 text-sm font-medium hover:bg-brand-700">
                        {t.nav.admin} <span aria-hidden="true">▾</span>
                      </summary>
                      <ul className="on-light absolute right-0 z-20 mt-1 w-56 rounded border border-slate-200 bg-white p-1 text-slate-900 shadow-lg">
                        {adminLinks.map((link) => (
                          <li key={link.href}>
                            <NavLink
                              href={link.href}
                              className="block rounded px-3 py-2 text-sm hover:bg-slate-100 data-[current]:font-semibold data-[current]:text-brand-800"
                            >
                              {link.label}
                            </NavLink>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                )}
              </ul>
            </nav>
            <NotificationBell unread={unread} />
            <details data-dropdown className="group relative">
              <summary
                className="flex cursor-pointer list-none items-center gap-2 rounded px-3 py-2 text-sm hover:bg-brand-700"
                aria-label={t.auth.userMenu(user.name)}
              >
                <span className="font-medium">{user.name}</span>
                <span className="rounded bg-brand-700 px-2 py-0.5 text-xs">{ROLE_LABELS[user.role]}</span>
                <span aria-hidden="true">▾</span>
              </summary>
              <div className="on-light absolute right-0 z-20 mt-1 w-60 rounded border border-slate-200 bg-white p-1 text-slate-900 shadow-lg">
                <p className="truncate px-3 py-2 text-xs text-slate-600">{user.email}</p>
                {/* The directory's password is changed in the directory. */}
                {session?.method !== "oidc" && (
                  <Link href="/cuenta/contrasena" className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                    {t.auth.changePassword}
                  </Link>
                )}
                {/* A directory session's second factor is the directory's own. */}
                {session?.method !== "oidc" && (
                  <Link href="/cuenta/seguridad" className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                    {t.mfa.title}
                  </Link>
                )}
                <Link href="/cuenta/sesiones" className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                  {t.security.menuLink}
                </Link>
                <Link href="/cuenta/notificaciones" className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                  {t.notifications.settings.menuLink}
                </Link>
                <SignOutMenuForm action={signOut} label={t.auth.signOut} />
              </div>
            </details>
          </div>
        )}
      </div>
    </header>
  );
}
