import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";

/** One initiative in a list of cards (objective and mechanism pages): its name links to its page, then what the list says of it. */
export function InitiativeCard({ id, name, children }: { id: number; name: string; children: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <Link href={`/iniciativas/${id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
        {name}
      </Link>
      {children}
    </li>
  );
}
