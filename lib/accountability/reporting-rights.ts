import { can, type Role } from "@/lib/auth/roles";
import type { Db, Prisma } from "@/lib/db/client";

/** What someone does on one initiative; the rights matrix of tests/integration/accountability-rights.test.ts. */
export type InitiativeAction = "progress:post" | "report:submit" | "report:review";

interface Who {
  id: number;
  role: Role;
}

/** Whether the user's secretariats lead or support the initiative. Read on every check, so a membership taken away counts at once. */
export async function ownsInitiative(db: Db | Prisma.TransactionClient, userId: number, initiativeId: number): Promise<boolean> {
  const found = await db.initiative.count({
    where: {
      id: initiativeId,
      OR: [
        { leadSecretariat: { members: { some: { userId } } } },
        { supportingSecretariats: { some: { secretariat: { members: { some: { userId } } } } } },
      ],
    },
  });
  return found > 0;
}

/**
 * The one answer for pages, actions and API: planners and administrators
 * report on any initiative, a REPORTER only on its secretariats' ones;
 * reviewing is for planners up.
 */
export async function mayActOnInitiative(
  db: Db | Prisma.TransactionClient,
  user: Who,
  action: InitiativeAction,
  initiativeId: number,
): Promise<boolean> {
  if (action === "report:review") return can(user.role, "reports:review");
  if (!can(user.role, action === "progress:post" ? "progress:write" : "reports:submit")) return false;
  if (user.role !== "REPORTER") return true;
  return ownsInitiative(db, user.id, initiativeId);
}
