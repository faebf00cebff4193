import type { Db } from "@/lib/db/client";
import { addDays, todayInQuito } from "@/lib/tracking/days";
import { expectedValueAt } from "./indicator-math";
import { createIndicatorSchema, measurementSchema } from "./indicator-schemas";
import { recordMeasurement } from "./record-measurement";
import { createIndicator } from "./save-indicator";

/**
 * Demo data of `npm run dev` only (never the test seed nor the matrix import): indicators that show
 * the traffic lights. A measurement is a share of the way from the baseline to what is expected on
 * its day, so the demo shows the same colours whatever day it is run.
 */
const DEMO = [
  {
    name: "Cobertura de agua potable en barrios periféricos",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    baseline: ["2024", "62"],
    dataSource: "EPMAPS, catastro de redes",
    targets: { 2025: "70", 2027: "82", 2030: "95" },
    measured: [{ daysAgo: 30, share: 1.05 }],
  },
  {
    name: "Tiempo medio de traslado en transporte público",
    unit: "min",
    direction: "LOWER_IS_BETTER",
    baseline: ["2024", "58"],
    dataSource: "Secretaría de Movilidad, encuesta origen-destino",
    targets: { 2026: "50", 2030: "42" },
    measured: [{ daysAgo: 45, share: 0.8, explanation: "Obras del corredor sur retrasan la operación de las nuevas rutas." }],
  },
  {
    name: "Hectáreas de espacio verde recuperado",
    unit: "ha",
    direction: "HIGHER_IS_BETTER",
    baseline: ["2024", "0"],
    dataSource: null,
    targets: { 2025: "20", 2028: "80" },
    measured: [],
  },
] as const;

/**
 * On a development database with the matrix and the demo accounts and no indicator yet, three
 * indicators on the first initiatives, recorded by the demo planner through the same functions as the forms.
 */
export async function createDemoIndicatorsIfNone(db: Db) {
  if ((await db.indicator.count()) > 0) return 0;
  const author = await db.user.findFirst({ where: { isDemo: true, role: "PLANNER" }, select: { id: true, email: true, name: true } });
  const initiatives = await db.initiative.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, take: DEMO.length });
  if (!author || initiatives.length < DEMO.length) return 0;
  const today = todayInQuito();
  for (const [index, demo] of DEMO.entries()) {
    const indicator = await createIndicator(
      db,
      createIndicatorSchema.parse({
        initiativeId: String(initiatives[index]!.id),
        name: demo.name,
        unit: demo.unit,
        direction: demo.direction,
        baselineYear: demo.baseline[0],
        baselineValue: demo.baseline[1],
        dataSource: demo.dataSource ?? "",
        ...Object.fromEntries(Object.entries(demo.targets).map(([year, value]) => [`target${year}`, value])),
      }),
      author,
    );
    const definition = {
      direction: demo.direction,
      baselineYear: Number(demo.baseline[0]),
      baselineValue: Number(demo.baseline[1]),
      targets: Object.entries(demo.targets).map(([year, value]) => ({ year: Number(year), value: Number(value) })),
    };
    for (const m of demo.measured) {
      const measuredOn = addDays(today, -m.daysAgo);
      const expected = expectedValueAt(definition, measuredOn) ?? definition.baselineValue;
      const value = definition.baselineValue + m.share * (expected - definition.baselineValue);
      const { version } = await db.indicator.findUniqueOrThrow({ where: { id: indicator.id }, select: { version: true } });
      await recordMeasurement(
        db,
        measurementSchema.parse({
          indicatorId: String(indicator.id),
          version: String(version),
          measuredOn,
          value: value.toFixed(2),
          explanation: "explanation" in m ? m.explanation : "",
        }),
        author,
      );
    }
  }
  return DEMO.length;
}
