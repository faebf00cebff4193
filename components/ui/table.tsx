import type { ComponentProps, ReactNode } from "react";

/**
 * The portal's tables, server- or client-rendered: one place for the accessible
 * bits (a caption for every table, scope on every header cell, aria-sort and a
 * keyboard-reachable button on a sortable column) and for the box that scrolls
 * sideways on a phone, so the page itself stays 390 px wide.
 */

const frames = {
  /** A card: border, shadow and the scroll cue. */
  card: "scroll-cue relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
  /** Inside something that already draws the card. */
  bare: "relative overflow-x-auto",
};

/** The scrolling box around a table; `relative` keeps absolutely positioned screen-reader text inside it. */
export function TableFrame({ frame = "card", className = "", ...props }: ComponentProps<"div"> & { frame?: keyof typeof frames }) {
  return <div className={`${frames[frame]} ${className}`.trim()} {...props} />;
}

/** A table with its caption (read by screen readers; visually hidden unless `captionVisible`). */
export function Table({
  caption,
  captionVisible = false,
  className = "w-full text-left text-sm",
  children,
  ...props
}: Omit<ComponentProps<"table">, "children"> & { caption: ReactNode; captionVisible?: boolean; children?: ReactNode }) {
  return (
    <table className={className} {...props}>
      <caption className={captionVisible ? "text-left" : "sr-only"}>{caption}</caption>
      {children}
    </table>
  );
}

/** The header row. */
export function TableHead({ className = "bg-slate-50 text-slate-700", children }: { className?: string; children?: ReactNode }) {
  return (
    <thead className={className}>
      <tr>{children}</tr>
    </thead>
  );
}

/** A column's header. */
export function ColumnHeader({ className = "px-4 py-2", ...props }: Omit<ComponentProps<"th">, "scope">) {
  return <th scope="col" className={className} {...props} />;
}

/** The cell that names its row (a user, a session, a mechanism): a header for the row's other cells. */
export function RowHeader({ className = "px-4 py-2 font-normal", ...props }: Omit<ComponentProps<"th">, "scope">) {
  return <th scope="row" className={className} {...props} />;
}

/** A row of the body. */
export function TableRow({ className = "border-t border-slate-100 align-top", ...props }: ComponentProps<"tr">) {
  return <tr className={className} {...props} />;
}

/** A data cell. */
export function Cell({ className = "px-4 py-2", ...props }: ComponentProps<"td">) {
  return <td className={className} {...props} />;
}

export type SortDirection = "ascending" | "descending";

/**
 * A sortable column's header: aria-sort on the cell when the table is sorted by it. Its child is
 * the caller's button (reachable with Tab, pressed with Enter or Space) that asks to sort by it,
 * labelled with `SortLabel`.
 */
export function SortableColumnHeader({
  direction,
  className,
  children,
  ...props
}: Omit<ComponentProps<"th">, "scope"> & {
  /** Null when the table is not sorted by this column. */
  direction: SortDirection | null;
}) {
  return (
    <th scope="col" className={className} aria-sort={direction ?? undefined} {...props}>
      {children}
    </th>
  );
}

/** A sort button's label: the column's name, an arrow for the eye and the direction in words for a screen reader. */
export function SortLabel({
  direction,
  directionLabels,
  children,
}: {
  direction: SortDirection | null;
  /** How a screen reader says each direction («orden ascendente»). */
  directionLabels: Record<SortDirection, string>;
  children?: ReactNode;
}) {
  return (
    <>
      {children}
      <span aria-hidden="true" className="print:hidden">
        {direction === "descending" ? "▼" : direction === "ascending" ? "▲" : "↕"}
      </span>
      {direction && <span className="sr-only">, {directionLabels[direction]}</span>}
    </>
  );
}
