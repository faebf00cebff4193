import { Link } from "@/components/ui/link";
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
    // Component classes (app/globals.css), not utilities: this header is in the markup and the RSC payload of every page.
    <header className="on-dark no-print site-header">
      <div>
        <Link href="/" className="brand">
          <b>{t.app.name}</b>
          <span>{t.app.owner}</span>
        </Link>
        {user && (
          <div className="tools">
            <nav aria-label={t.nav.label}>
              <ul>
                {links.map((link) => (
                  <li key={link.href}>
                    <NavLink href={link.href} className="nav-link">
                      {link.label}
                    </NavLink>
                  </li>
                ))}
                {adminLinks.length > 0 && (
                  <li>
                    <details data-dropdown>
                      <summary>
                        {t.nav.admin} <span aria-hidden="true">▾</span>
                      </summary>
                      <ul className="on-light menu">
                        {adminLinks.map((link) => (
                          <li key={link.href}>
                            <NavLink href={link.href} className="menu-link">
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
            <details data-dropdown className="user">
              <summary aria-label={t.auth.userMenu(user.name)}>
                <b>{user.name}</b>
                <span>{ROLE_LABELS[user.role]}</span>
                <span aria-hidden="true">▾</span>
              </summary>
              <div className="on-light menu">
                <p>{user.email}</p>
                {/* The directory's password is changed in the directory. */}
                {session?.method !== "oidc" && <Link href="/cuenta/contrasena">{t.auth.changePassword}</Link>}
                {/* A directory session's second factor is the directory's own. */}
                {session?.method !== "oidc" && <Link href="/cuenta/seguridad">{t.mfa.title}</Link>}
                <Link href="/cuenta/sesiones">{t.security.menuLink}</Link>
                <Link href="/cuenta/notificaciones">{t.notifications.settings.menuLink}</Link>
                <SignOutMenuForm action={signOut} label={t.auth.signOut} />
              </div>
            </details>
          </div>
        )}
      </div>
    </header>
  );
}
