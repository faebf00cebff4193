"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";
import { security } from "@/lib/i18n/es/security";
import { Cell, ColumnHeader, RowHeader, Table, TableFrame, TableHead, TableRow } from "@/components/ui/table";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { security } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export interface SessionRow {
  handle: string;
  current: boolean;
  device: string;
  ip: string;
  createdAt: string;
  createdLabel: string;
  lastSeenAt: string;
  lastSeenLabel: string;
}

const s = t.security.sessions;

/** The user's open sessions; each button is a plain form post (works without JavaScript), the outcome shown above the table. */
export function OwnSessions({ action, sessions }: { action: Action; sessions: SessionRow[] }) {
  const [state, submit] = useActionState(action, { status: "idle" });
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <TableFrame>
        <Table caption={s.table} className="min-w-full text-left text-sm" data-testid="own-sessions">
          <TableHead>
            <ColumnHeader className="px-4 py-2 font-semibold">{s.device}</ColumnHeader>
            <ColumnHeader className="px-4 py-2 font-semibold">{s.address}</ColumnHeader>
            <ColumnHeader className="px-4 py-2 font-semibold">{s.started}</ColumnHeader>
            <ColumnHeader className="px-4 py-2 font-semibold">{s.lastUsed}</ColumnHeader>
            <ColumnHeader className="px-4 py-2 font-semibold">{s.actions}</ColumnHeader>
          </TableHead>
          <tbody>
            {sessions.map((session) => (
              <TableRow key={session.handle} data-current={session.current || undefined}>
                <RowHeader className="px-4 py-2 font-medium">
                  <span className="block">{session.device}</span>
                  {session.current && (
                    <span className="mt-1 inline-block rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-900">{s.current}</span>
                  )}
                </RowHeader>
                <Cell>{session.ip}</Cell>
                <Cell className="whitespace-nowrap px-4 py-2">
                  <time dateTime={session.createdAt}>{session.createdLabel}</time>
                </Cell>
                <Cell className="whitespace-nowrap px-4 py-2">
                  <time dateTime={session.lastSeenAt}>{session.lastSeenLabel}</time>
                </Cell>
                <Cell>
                  {!session.current && (
                    <form action={submit}>
                      <input type="hidden" name="handle" value={session.handle} />
                      <SubmitButton variant="secondary">
                        {s.end}
                        <span className="sr-only"> {s.endLabel(session.device, session.lastSeenLabel)}</span>
                      </SubmitButton>
                    </form>
                  )}
                </Cell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </TableFrame>
      {others > 0 ? (
        <form action={submit}>
          <input type="hidden" name="handle" value="otras" />
          <SubmitButton variant="danger">{s.endOthers}</SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-700">{s.onlyThis}</p>
      )}
    </div>
  );
}
