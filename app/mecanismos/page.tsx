import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requirePageReader } from "@/lib/auth/current-user";
import { t } from "@/lib/i18n";
import { initiativesHref } from "@/lib/initiatives/initiative-query";
import { isListedInDocument } from "@/lib/matrix/mechanism-names";
import { listMechanismUsage } from "@/lib/mechanisms/mechanism-usage";
import { Cell, ColumnHeader, RowHeader, Table, TableFrame, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: t.mechanisms.title };

export default async function MechanismsPage() {
  const { readDb } = await requirePageReader("/mecanismos");
  const mechanisms = await listMechanismUsage(readDb);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">{t.mechanisms.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.mechanisms.intro}</p>
      </header>
      <TableFrame>
        <Table caption={t.mechanisms.title}>
          <TableHead>
            <ColumnHeader>{t.mechanisms.name}</ColumnHeader>
            <ColumnHeader className="px-4 py-2 text-right">{t.mechanisms.initiatives}</ColumnHeader>
            <ColumnHeader className="px-4 py-2 text-right">{t.mechanisms.objectives}</ColumnHeader>
          </TableHead>
          <tbody>
            {mechanisms.map((m) => (
              <TableRow key={m.slug} className="border-t border-slate-100" data-testid={`mechanism-${m.slug}`}>
                <RowHeader>
                  <Link href={`/mecanismos/${m.slug}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {m.name}
                  </Link>
                  {!isListedInDocument(m.name) && (
                    <span className="ml-1 text-slate-600" title={t.mechanisms.outsideVocabulary}>
                      *
                    </span>
                  )}
                </RowHeader>
                <Cell className="px-4 py-2 text-right tabular-nums">
                  <Link href={initiativesHref({ mecanismo: [m.slug] })} className="text-brand-700 underline-offset-2 hover:underline">
                    {m.initiatives}
                  </Link>
                </Cell>
                <Cell className="px-4 py-2 text-right tabular-nums">{m.articulationObjectives}</Cell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </TableFrame>
      <p className="text-sm text-slate-700">* {t.mechanisms.outsideVocabulary}</p>
    </div>
  );
}
