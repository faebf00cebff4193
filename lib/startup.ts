import { checkAuthConfig } from "@/lib/auth/oidc-config";
import { checkProductionConfig, env } from "@/lib/config";
import { getPrimaryDb } from "@/lib/db/client";

/**
 * In production an instance refuses to serve with a bad configuration or with
 * the demo accounts of `npm run dev` present: one clear line each, then exit.
 */
export async function onServerStart() {
  if (env.NODE_ENV !== "production") return;
  const problems = [...checkProductionConfig(), ...checkAuthConfig()];
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  const demo = await getPrimaryDb()
    .user.count({ where: { isDemo: true } })
    // A database that is down at start-up is not a configuration error: /api/health reports it.
    .catch(() => 0);
  if (demo > 0) {
    console.error(
      `Hay ${demo} cuenta(s) de demostración en la base de datos. Elimínelas antes de usar el portal en producción: npm run users:remove-demo`,
    );
    process.exit(1);
  }
}
