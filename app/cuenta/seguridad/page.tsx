import type { Metadata } from "next";
import { DisableMfaForm } from "@/components/auth/disable-mfa-form";
import { MfaEnrolment } from "@/components/auth/mfa-enrolment";
import { requirePageReader } from "@/lib/auth/current-user";
import { mfaStatus, pendingEnrolment } from "@/lib/auth/mfa";
import { formatDate, t } from "@/lib/i18n";
import { confirmEnrolmentAction, disableMfaAction, startEnrolmentAction } from "./actions";

export const metadata: Metadata = { title: t.mfa.title };

const svgDataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

export default async function AccountSecurityPage() {
  const { user, db } = await requirePageReader("/cuenta/seguridad");
  const status = await mfaStatus(db, user);
  const enrolment = status.enabled ? null : await pendingEnrolment(db, user);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">{t.mfa.title}</h1>
      <p className="text-slate-700">{t.mfa.intro}</p>
      <MfaEnrolment
        email={user.email}
        enrolment={enrolment ? { qrDataUri: svgDataUri(enrolment.qrSvg), secret: enrolment.secret } : null}
        start={startEnrolmentAction}
        confirm={confirmEnrolmentAction}
        done={status.enabled}
        doneView={
          <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="mfa-status">
            <p className="font-medium text-slate-900">
              {status.enabledAt ? t.mfa.statusOn(formatDate(status.enabledAt)) : t.mfa.statusOff}
            </p>
            <p className="text-sm text-slate-700">{t.mfa.recoveryLeft(status.recoveryCodesLeft)}</p>
            {status.required ? (
              <p className="text-sm text-slate-700">{t.mfa.requiredForYou}</p>
            ) : (
              <DisableMfaForm action={disableMfaAction} />
            )}
          </section>
        }
      />
    </div>
  );
}
