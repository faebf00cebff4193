/**
 * Runs once when a server instance starts. In production it refuses to serve
 * with a bad configuration or with the demo accounts of `npm run dev` present.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { checkProductionConfig } = await import("@/lib/config");
  const problems = checkProductionConfig(process.env);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  const { getDb } = await import("@/lib/db/client");
  const demo = await getDb()
    .user.count({ where: { isDemo: true } })
    .catch(() => 0);
  if (demo > 0) {
    console.error(
      `Hay ${demo} cuenta(s) de demostración en la base de datos. Elimínelas antes de usar el portal en producción (npm run users:remove-demo).`,
    );
    process.exit(1);
  }
}
