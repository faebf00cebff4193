import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DirectorySignInButton } from "@/components/auth/directory-sign-in-button";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentSession } from "@/lib/auth/current-user";
import { directorySignIn } from "@/lib/auth/directory-sign-in";
import { sameSitePath } from "@/lib/http/same-site-path";
import { t } from "@/lib/i18n";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: t.auth.signInTitle };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used to bounce users elsewhere.
  const callbackUrl = sameSitePath(params.callbackUrl);
  if (await getCurrentSession()) redirect(callbackUrl);
  const directory = await directorySignIn(params.error);
  return (
    <div className="mx-auto max-w-md">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-900">{t.auth.signInTitle}</h1>
        <p className="mt-2 text-sm text-slate-700">{t.auth.signInIntro}</p>
        {directory && <DirectorySignInButton {...directory} callbackUrl={callbackUrl} />}
        <SignInForm action={signInAction} callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
