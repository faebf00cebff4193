import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import type { Db } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import { initiativeQueryToParams, parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";

export const MAX_SAVED_VIEWS = 50;

export const saveViewSchema = z.object({
  name: z
    .string({ error: t.validation.views.nameRequired })
    .trim()
    .min(1, t.validation.views.nameEmpty)
    .max(80, t.validation.views.nameLong),
  query: z.string().max(2_000, t.validation.views.queryLong),
});

export const deleteViewSchema = z.object({ id: z.coerce.number().int().positive() });

/** Saves the current filters under a name (replacing a view of the same name); only valid queries are kept. */
export async function saveView(db: Db, userId: number, input: z.infer<typeof saveViewSchema>) {
  // The page's own parameters (hidden columns) are not part of a view; a bad filter value is.
  const parsed = parseInitiativeQueryStrict(new URLSearchParams(input.query), { unknown: "ignore" });
  if (!parsed.success) throw new ActionError(t.refusals.viewInvalid);
  const query = initiativeQueryToParams({ ...parsed.query, pagina: 1 }).toString();
  const existing = await db.savedView.count({ where: { userId } });
  const same = await db.savedView.findUnique({ where: { userId_name: { userId, name: input.name } } });
  if (!same && existing >= MAX_SAVED_VIEWS) throw new ActionError(t.refusals.viewLimit(MAX_SAVED_VIEWS), "name");
  return db.savedView.upsert({
    where: { userId_name: { userId, name: input.name } },
    create: { userId, name: input.name, query },
    update: { query },
  });
}

/** Deletes one of the user's own views; someone else's id is the same as a missing one. */
export async function deleteView(db: Db, userId: number, id: number) {
  const { count } = await db.savedView.deleteMany({ where: { id, userId } });
  if (count === 0) throw new ActionError(t.refusals.viewMissing);
}

export function listViews(db: Db, userId: number) {
  return db.savedView.findMany({ where: { userId }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true } });
}
