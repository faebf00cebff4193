import type { Db } from "@/lib/db/client";

/** Every account for the admin page: active first, by name; never a password hash. */
export async function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      isDemo: true,
      lastSignInAt: true,
      createdAt: true,
      oidcIssuer: true,
      mfaCredential: { select: { confirmedAt: true } },
      secretariats: { select: { secretariatId: true } },
    },
  });
}
