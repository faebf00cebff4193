import type { Metadata } from "next";
import { UserSecretariatsForm } from "@/components/accountability/user-secretariats-form";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requirePageReader } from "@/lib/auth/current-user";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { formatDateTime, t } from "@/lib/i18n";
import { listUsers } from "@/lib/users/list-users";
import { RequireMfaForm } from "@/components/auth/require-mfa-form";
import { readPortalSettings } from "@/lib/settings/portal-settings";
import {
  changeRoleAction,
  createUserAction,
  resetMfaAction,
  resetPasswordAction,
  setActiveAction,
  setRequireMfaForAllAction,
  setSecretariatsAction,
} from "./actions";
import { Cell, ColumnHeader, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: t.users.title };

export default async function UsersPage() {
  const { user: me, db } = await requirePageReader("/admin/usuarios", "users:manage");
  const [users, settings, secretariats] = await Promise.all([
    listUsers(db),
    readPortalSettings(db),
    db.secretariat.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold text-brand-900">{t.users.title}</h1>
        <p className="mt-1 text-slate-700">{t.users.intro}</p>
      </header>

      <section aria-labelledby="nuevo-usuario" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="nuevo-usuario" className="text-lg font-semibold text-slate-900">
          {t.users.create}
        </h2>
        <CreateUserForm action={createUserAction} roles={roles} />
      </section>

      <section aria-labelledby="exigir-mfa-titulo" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="exigir-mfa-titulo" className="text-lg font-semibold text-slate-900">
          {t.mfa.settingTitle}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t.mfa.settingIntro}</p>
        <RequireMfaForm action={setRequireMfaForAllAction} requireMfaForAll={settings.requireMfaForAll} />
      </section>

      <section
        aria-labelledby="lista-usuarios"
        className="scroll-cue relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="lista-usuarios" className="sr-only">
          {t.users.list}
        </h2>
        <Table caption={t.users.list}>
          <TableHead>
            <ColumnHeader>{t.users.name}</ColumnHeader>
            <ColumnHeader>{t.users.role}</ColumnHeader>
            <ColumnHeader>{t.users.status}</ColumnHeader>
            <ColumnHeader>{t.users.lastSignIn}</ColumnHeader>
            <ColumnHeader>{t.users.actions}</ColumnHeader>
          </TableHead>
          <tbody>
            {users.map((user) => (
              <TableRow key={user.id} data-testid={`user-${user.email}`}>
                <RowHeader className="px-4 py-3 font-normal">
                  <span className="block font-medium text-slate-900">{user.name}</span>
                  <span className="block text-slate-600">{user.email}</span>
                  {user.isDemo && (
                    <span className="mt-1 inline-block rounded bg-amber-100 px-2 text-xs text-amber-900">{t.users.demo}</span>
                  )}
                </RowHeader>
                <Cell className="px-4 py-3">
                  {ROLE_LABELS[user.role]}
                  <UserSecretariatsForm
                    user={{ id: user.id, name: user.name }}
                    secretariats={secretariats}
                    memberOf={user.secretariats.map((m) => m.secretariatId)}
                    action={setSecretariatsAction}
                  />
                </Cell>
                <Cell className="px-4 py-3">
                  {user.active ? t.users.active : t.users.inactive}
                  {user.mfaCredential?.confirmedAt && (
                    <span className="ml-2 inline-block rounded bg-slate-100 px-2 text-xs text-slate-800">{t.mfa.badge}</span>
                  )}
                  {user.oidcIssuer && (
                    <span title={user.oidcIssuer} className="ml-2 inline-block rounded bg-slate-100 px-2 text-xs text-slate-800">
                      {t.sso.directoryBadge}
                    </span>
                  )}
                </Cell>
                <Cell className="px-4 py-3">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t.users.never}</Cell>
                <Cell className="px-4 py-3">
                  {user.id === me.id ? (
                    <span className="text-slate-600">{t.users.yourself}</span>
                  ) : (
                    <UserRowActions
                      user={{
                        id: user.id,
                        email: user.email,
                        name: user.name,
                        role: user.role,
                        active: user.active,
                        mfa: !!user.mfaCredential?.confirmedAt,
                      }}
                      roles={roles}
                      changeRole={changeRoleAction}
                      setActive={setActiveAction}
                      resetPassword={resetPasswordAction}
                      resetMfa={resetMfaAction}
                    />
                  )}
                </Cell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
