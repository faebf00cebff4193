import type { Metadata } from "next";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { getCurrentSession } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: t.security.signOut.title };

/** Our own sign-out page, where next-auth's English one (/api/auth/signout) sends the browser. */
export default async function SignOutPage() {
  const session = await getCurrentSession();
  return (
    <div className="mx-auto max-w-md">
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-900">{t.security.signOut.title}</h1>
        <SignOutForm action={signOutAction} signedIn={session !== null} />
      </div>
    </div>
  );
}
