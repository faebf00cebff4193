"use client";

import { Link } from "@/components/ui/link";
import { Fragment } from "react";
import { initiatives } from "@/lib/i18n/es/initiatives";
import { tracking } from "@/lib/i18n/es/tracking";
import type { Status } from "@/lib/tracking/statuses";
import { ProgressMeter, StatusBadge } from "@/components/tracking/status-badge";
import { Highlighted } from "./highlighted";
import { COLUMN_LABELS, type ColumnId } from "./table-columns";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { initiatives, tracking } as const;

/**
 * One row as the table shows it, shaped on the server (texts shortened, dates
 * written out): the RSC payload carries these few fields once, and the markup is
 * rendered from them, instead of a second copy of the markup (ADR 0016).
 */
export interface RowView {
  id: number;
  name: string;
  /** When searching and the name does not match: the excerpt of the articulation objective that does. */
  why?: string;
  /** The management objective's code; its title is in the rows' `objectives`, once per objective rather than per row. */
  code: string;
  mechanisms: string[];
  count: number;
  status: Status;
  /** Left out when there is no figure yet. */
  progress?: number;
  /** The lead secretariat's short name, and its whole name when that is longer. */
  lead?: string;
  leadName?: string;
  /** The newest progress update, written out. */
  day?: string;
}

interface CellProps {
  column: ColumnId;
  row: RowView;
  terms: string[];
  compact: boolean;
  objectives: Record<string, string>;
}

function Cell({ column, row, terms, compact, objectives }: CellProps) {
  switch (column) {
    case "iniciativa":
      return (
        <>
          <Link href={`/iniciativas/${row.id}`} title={compact ? row.name : undefined}>
            <Highlighted text={row.name} terms={terms} />
          </Link>
          {row.why && (
            <p className="why">
              <b>{t.initiatives.matchIn} </b>
              <Highlighted text={row.why} terms={terms} />
            </p>
          )}
        </>
      );
    case "objetivo":
      return compact ? (
        <span title={objectives[row.code]} className="code">
          {row.code}
        </span>
      ) : (
        <span className="objective">
          <b>{row.code}</b> <span>{objectives[row.code]}</span>
        </span>
      );
    case "mecanismos":
      return compact ? (
        <span title={row.mechanisms.join(", ")}>
          {row.mechanisms.map((name, i) => (
            <Fragment key={name}>
              {i > 0 && ", "}
              <Highlighted text={name} terms={terms} />
            </Fragment>
          ))}
        </span>
      ) : (
        <ul className="pills">
          {row.mechanisms.map((name) => (
            <li key={name}>
              <Highlighted text={name} terms={terms} />
            </li>
          ))}
        </ul>
      );
    case "objetivos":
      return <span className="count">{row.count}</span>;
    case "estado":
      return (
        <div className="status">
          <StatusBadge status={row.status} />
          <ProgressMeter value={row.progress ?? null} />
        </div>
      );
    case "responsable":
      return row.lead ? <span title={row.leadName}>{row.lead}</span> : <span className="none">{t.tracking.noOwnerOption}</span>;
    case "actualizacion":
      return row.day ? <span className="day">{row.day}</span> : <span className="none">{t.tracking.noUpdatesShort}</span>;
  }
}

/**
 * The body of the initiatives table: one row per initiative, the visible columns in order.
 * `objectives`: the title each management objective code shows (shortened, or whole in compact rows, on hover).
 */
export function InitiativeRows({
  rows,
  columns,
  terms,
  compact,
  objectives,
}: {
  rows: RowView[];
  columns: ColumnId[];
  terms: string[];
  compact: boolean;
  objectives: Record<string, string>;
}) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} data-testid="initiative-row">
          {columns.map((column, i) => (
            <td key={column} data-label={i === 0 ? undefined : COLUMN_LABELS[column]}>
              <Cell column={column} row={row} terms={terms} compact={compact} objectives={objectives} />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
