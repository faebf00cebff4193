import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { CHANGE_PASSWORD_PATH, requirePageUser } from "@/lib/auth/current-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { t } from "@/lib/i18n";
import { changeOwnPasswordAction } from "./actions";

export const metadata: Metadata = { title: t.auth.changePassword };

export default async function ChangePasswordPage() {
  const user = await requirePageUser(CHANGE_PASSWORD_PATH);
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">{t.auth.changePassword}</h1>
      {user.mustChangePassword && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t.account.mustChange}</p>
      )}
      <ChangePasswordForm action={changeOwnPasswordAction} minLength={PASSWORD_MIN_LENGTH} />
    </div>
  );
}
