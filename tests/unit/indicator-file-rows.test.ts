import { describe, expect, it } from "vitest";
import { INDICATOR_HEADER, MEASUREMENT_HEADER, parseIndicatorRow, parseMeasurementRow } from "@/lib/indicators/indicator-file";

const secretariats = new Map([["secretaria de movilidad", 7]]);

/** A row by column name, from the header, with the given cells over an otherwise valid indicator. */
const indicatorRow = (cells: Record<string, string> = {}) => ({
  ...Object.fromEntries(INDICATOR_HEADER.map((column) => [column, ""])),
  "Id iniciativa": "12",
  Indicador: "Kilómetros de ciclovía",
  Unidad: "km",
  Sentido: "Mayor es mejor",
  "Meta 2026": "40",
  ...cells,
});

const measurementRow = (cells: Record<string, string> = {}) => ({
  ...Object.fromEntries(MEASUREMENT_HEADER.map((column) => [column, ""])),
  "Id indicador": "3",
  Fecha: "2025-03-31",
  Valor: "12,5",
  ...cells,
});

describe("filas del archivo de indicadores", () => {
  it("una fila sin id es un indicador nuevo, con sus metas, su sentido escrito como se exporta y su secretaría por nombre", () => {
    const parsed = parseIndicatorRow(
      indicatorRow({
        Sentido: "menor ES mejor",
        "Secretaría responsable": "Secretaría de Movilidad",
        "Año línea base": "2024",
        "Valor línea base": "3,5",
        "Meta 2030": "80.25",
      }),
      secretariats,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: null,
        input: expect.objectContaining({
          initiativeId: 12,
          direction: "LOWER_IS_BETTER",
          secretariatId: 7,
          baselineYear: 2024,
          baselineValue: 3.5,
          targets: [
            { year: 2026, value: 40 },
            { year: 2030, value: 80.25 },
          ],
        }),
      },
    });
  });

  it("una fila con id lleva su versión; sin ella es un error de la columna «Versión»", () => {
    expect(parseIndicatorRow(indicatorRow({ "Id indicador": "5", Versión: "3" }), secretariats)).toMatchObject({
      ok: true,
      value: { id: 5, version: 3, input: { id: 5, version: 3, initiativeId: 12 } },
    });
    expect(parseIndicatorRow(indicatorRow({ "Id indicador": "5" }), secretariats)).toEqual({
      ok: false,
      messages: ["columna «Versión»: falta la versión con que se exportó la fila."],
    });
  });

  it("cada error dice su columna, en español, y se informan todos a la vez", () => {
    const parsed = parseIndicatorRow(
      indicatorRow({
        "Id indicador": "x1",
        Versión: "2",
        Unidad: "",
        Sentido: "al alza",
        "Meta 2025": "mucho",
        "Secretaría responsable": "Secretaría Inexistente",
      }),
      secretariats,
    );
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.messages).toEqual([
      "columna «Id indicador»: «x1» no es un id válido.",
      "columna «Secretaría responsable»: no hay una secretaría «Secretaría Inexistente».",
      "columna «Unidad»: Escriba la unidad (por ejemplo «%», «km», «personas»).",
      "columna «Sentido»: Elija si mayor o menor es mejor.",
      "columna «Meta 2025»: Escriba un número (use punto o coma decimal).",
    ]);
  });

  it("las reglas entre columnas también dicen la columna: una línea base sin valor", () => {
    expect(parseIndicatorRow(indicatorRow({ "Año línea base": "2024" }), secretariats)).toEqual({
      ok: false,
      messages: ["columna «Valor línea base»: Dé el año y el valor de la línea base, o ninguno de los dos."],
    });
  });

  it("sin ninguna meta la fila no vale, como en el formulario", () => {
    const parsed = parseIndicatorRow(indicatorRow({ "Meta 2026": "" }), secretariats);
    expect(parsed).toEqual({ ok: false, messages: ["columna «Meta 2024»: Dé al menos una meta anual."] });
  });
});

describe("filas del archivo de mediciones", () => {
  it("una medición nueva toma la coma decimal; una existente lleva su id y versión", () => {
    expect(parseMeasurementRow(measurementRow({ Nota: "Informe trimestral" }))).toEqual({
      ok: true,
      value: { id: null, input: { indicatorId: 3, measuredOn: "2025-03-31", value: 12.5, note: "Informe trimestral" } },
    });
    expect(parseMeasurementRow(measurementRow({ "Id medición": "9", Versión: "1" }))).toMatchObject({
      ok: true,
      value: { id: 9, version: 1, input: { id: 9, version: 1, indicatorId: 3, value: 12.5 } },
    });
  });

  it("fecha, valor y enlace inválidos se informan por columna", () => {
    const parsed = parseMeasurementRow(measurementRow({ Fecha: "31/03/2025", Valor: "", "Enlace a la evidencia": "ftp://x" }));
    expect(parsed.ok ? [] : parsed.messages).toEqual([
      "columna «Fecha»: Fecha: use el formato AAAA-MM-DD.",
      "columna «Valor»: Escriba un número (use punto o coma decimal).",
      "columna «Enlace a la evidencia»: Escriba un enlace que empiece por http:// o https://.",
    ]);
  });

  it("una fecha futura no se acepta", () => {
    const parsed = parseMeasurementRow(measurementRow({ Fecha: "2099-01-01" }));
    expect(parsed).toEqual({ ok: false, messages: ["columna «Fecha»: La fecha no puede ser posterior a hoy."] });
  });
});
