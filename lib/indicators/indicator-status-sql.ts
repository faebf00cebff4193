import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_THRESHOLDS } from "./indicator-math";
import { SETTINGS_ID } from "./indicator-settings";

/** Days since 1970-01-01 as a double: the number indicator-math.ts's dayNumber gives. */
const dayNumber = (date: Prisma.Sql) => Prisma.sql`((${date}) - DATE '1970-01-01')::float8`;

/** `gain` of indicator-math.ts: how far `value` is better than `other` in x's direction. */
const gain = (value: Prisma.Sql, other: Prisma.Sql) =>
  Prisma.sql`(CASE WHEN x.direction = 'HIGHER_IS_BETTER' THEN ${value} - ${other} ELSE ${other} - ${value} END)`;

const value = Prisma.sql`latest.value`;
const expected = Prisma.sql`ev.expected`;
const baseline = Prisma.sql`x."baselineValue"`;

/**
 * Every indicator's traffic light as rows ("indicatorId", "initiativeId", status), for the table's
 * filter and facet counts (ADR 0121). It is indicator-math.ts's `indicatorStatus` step by step, in
 * double precision and in the same order of operations, so each figure is the number JavaScript
 * computes; tests/integration/indicator-filters.test.ts holds the two equal.
 *
 * - latest: the newest measurement, and of one day the last written (highest id), as the
 *   initiative's page reads them (by date, then id).
 * - anchors: the baseline (1 January of its year) and the targets (31 December) not before it;
 *   expected: the anchor before the measurement's day and the first at or after it, interpolated.
 * - achievement, then its percent rounded to hundredths as Math.round does (halves up), against
 *   the thresholds in force (the defaults without a settings row).
 */
export const indicatorStatusesSql = Prisma.sql`(
  SELECT x.id AS "indicatorId", x."initiativeId",
    CASE
      WHEN ach.achievement IS NULL THEN 'sin-datos'
      WHEN pct.percent >= th.on_track THEN 'en-camino'
      WHEN pct.percent >= th.at_risk THEN 'en-riesgo'
      ELSE 'fuera-de-ruta'
    END AS status
  FROM "Indicator" x
  CROSS JOIN (
    SELECT
      coalesce((SELECT s."onTrackPercent" FROM "IndicatorSettings" s WHERE s.id = ${SETTINGS_ID}), ${DEFAULT_THRESHOLDS.onTrackPercent}::float8) AS on_track,
      coalesce((SELECT s."atRiskPercent" FROM "IndicatorSettings" s WHERE s.id = ${SETTINGS_ID}), ${DEFAULT_THRESHOLDS.atRiskPercent}::float8) AS at_risk
  ) th
  CROSS JOIN LATERAL (
    SELECT x."baselineYear" IS NOT NULL AND x."baselineValue" IS NOT NULL AS has_baseline,
      EXISTS (SELECT 1 FROM "IndicatorTarget" t WHERE t."indicatorId" = x.id) AS has_targets
  ) b
  LEFT JOIN LATERAL (
    SELECT ${dayNumber(Prisma.sql`m."measuredOn"`)} AS day, m.value
    FROM "Measurement" m WHERE m."indicatorId" = x.id
    ORDER BY m."measuredOn" DESC, m.id DESC LIMIT 1
  ) latest ON TRUE
  CROSS JOIN LATERAL (
    WITH anchors AS (
      SELECT ${dayNumber(Prisma.sql`make_date(x."baselineYear", 1, 1)`)} AS day, ${baseline} AS value WHERE b.has_baseline
      UNION ALL
      SELECT ${dayNumber(Prisma.sql`make_date(t.year, 12, 31)`)}, t.value FROM "IndicatorTarget" t
      WHERE t."indicatorId" = x.id AND (NOT b.has_baseline OR t.year >= x."baselineYear")
    ),
    f AS (SELECT a.day, a.value FROM anchors a WHERE a.day < latest.day ORDER BY a.day DESC LIMIT 1),
    n AS (SELECT a.day, a.value FROM anchors a WHERE a.day >= latest.day ORDER BY a.day ASC LIMIT 1)
    SELECT CASE
      WHEN NOT b.has_targets OR latest.day IS NULL THEN NULL
      WHEN NOT EXISTS (SELECT 1 FROM f) THEN (SELECT n.value FROM n)
      WHEN NOT EXISTS (SELECT 1 FROM n) THEN (SELECT f.value FROM f)
      ELSE (SELECT f.value + ((n.value - f.value) * (latest.day - f.day)) / (n.day - f.day) FROM f, n)
    END AS expected
  ) ev
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN ${expected} IS NULL THEN NULL
      WHEN b.has_baseline AND ${gain(expected, baseline)} > 0 THEN greatest(0::float8, ${gain(value, baseline)} / ${gain(expected, baseline)})
      WHEN x.direction = 'HIGHER_IS_BETTER' THEN greatest(0::float8, CASE
        WHEN ${expected} > 0 AND ${value} >= 0 THEN ${value} / ${expected}
        WHEN ${value} - ${expected} >= 0 THEN 1::float8 ELSE 0::float8 END)
      ELSE greatest(0::float8, CASE
        WHEN ${value} > 0 AND ${expected} >= 0 THEN ${expected} / ${value}
        WHEN ${expected} - ${value} >= 0 THEN 1::float8 ELSE 0::float8 END)
    END AS achievement
  ) ach
  CROSS JOIN LATERAL (SELECT ach.achievement * 10000::float8 AS scaled) sc
  CROSS JOIN LATERAL (
    SELECT (floor(sc.scaled) + CASE WHEN sc.scaled - floor(sc.scaled) >= 0.5::float8 THEN 1::float8 ELSE 0::float8 END) / 100::float8 AS percent
  ) pct
)`;

/** indicator-math.ts's `isMilestoneLate` over the milestone `ms`: still open after its planned day (Quito's `today`). */
export const lateMilestoneSql = (today: string) =>
  Prisma.sql`ms.state::text IN ('PLANNED', 'IN_PROGRESS') AND ms."plannedOn" < ${today}::date`;
