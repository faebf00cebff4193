import { runCli } from "./run";

await runCli(async (db) => {
  const { count } = await db.user.deleteMany({ where: { isDemo: true } });
  console.log(count === 0 ? "No hay cuentas de demostración." : `${count} cuenta(s) de demostración eliminada(s).`);
});
