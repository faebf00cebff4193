import type { Metadata } from "next";
import { OwnSessions } from "@/components/account/own-sessions";
import { getCurrentSession, requirePageReader } from "@/lib/auth/current-user";
import { describeUserAgent } from "@/lib/auth/describe-user-agent";
import { listOwnSessions } from "@/lib/auth/user-sessions";
import { formatDateTime, t } from "@/lib/i18n";
import { endSessionsAction } from "./actions";

export const metadata: Metadata = { title: t.security.sessions.title };

export default async function OwnSessionsPage() {
  const { user, db } = await requirePageReader("/cuenta/sesiones");
  const current = (await getCurrentSession())!;
  const sessions = await listOwnSessions(db, user.id, current.sessionId);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{t.security.sessions.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.security.sessions.intro}</p>
      </header>
      <OwnSessions
        action={endSessionsAction}
        sessions={sessions.map((session) => {
          const { browser, system } = describeUserAgent(session.userAgent);
          return {
            handle: session.handle,
            current: session.current,
            device: t.security.sessions.deviceOn(browser, system),
            ip: session.ip ?? t.security.sessions.unknownAddress,
            createdAt: session.createdAt.toISOString(),
            createdLabel: formatDateTime(session.createdAt),
            lastSeenAt: session.lastSeenAt.toISOString(),
            lastSeenLabel: formatDateTime(session.lastSeenAt),
          };
        })}
      />
    </div>
  );
}
