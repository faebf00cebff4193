import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaEnrolment } from "@/components/auth/mfa-enrolment";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { getCurrentSession } from "@/lib/auth/current-user";
import { readPendingEnrolment, readPendingSignIn } from "@/lib/auth/pending-sign-in";
import { t } from "@/lib/i18n";
import { confirmEnrolmentAction, startEnrolmentAction, verifyCodeAction } from "./actions";

export const metadata: Metadata = { title: t.mfa.verifyTitle };

const svgDataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

/**
 * The second step of a password sign-in, for the holder of a pending sign-in
 * only: the code, or the enrolment an administrator's account must do first.
 * Right after that enrolment the session exists and the pending sign-in is
 * gone, and the page keeps showing the recovery codes it just handed out.
 */
export default async function SecondFactorPage() {
  const pending = await readPendingSignIn();
  if (pending?.step === "verify") {
    return (
      <div className="mx-auto max-w-md">
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-bold text-brand-900">{t.mfa.verifyTitle}</h1>
          <p className="mt-2 text-sm text-slate-700">{t.mfa.verifyIntro}</p>
          <SecondFactorForm action={verifyCodeAction} />
          <p className="mt-4 text-sm">
            <a href="/login" className="text-brand-700 underline">
              {t.mfa.cancel}
            </a>
          </p>
        </div>
      </div>
    );
  }
  if (!pending && !(await getCurrentSession())) redirect("/login");
  const enrolment = pending ? await readPendingEnrolment(pending) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">{t.mfa.enrolTitle}</h1>
      <p className="text-slate-700">{t.mfa.enrolIntro}</p>
      <MfaEnrolment
        email={pending?.user.email ?? ""}
        enrolment={enrolment ? { qrDataUri: svgDataUri(enrolment.qrSvg), secret: enrolment.secret } : null}
        start={startEnrolmentAction}
        confirm={confirmEnrolmentAction}
        done={!pending}
        doneView={
          <a href="/" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t.mfa.continue}
          </a>
        }
      />
    </div>
  );
}
