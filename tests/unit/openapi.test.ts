import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { initiativeQuerySchema, parseInitiativeQueryStrict } from "@/lib/initiatives/initiative-query";

type Parameter = {
  readonly name: string;
  readonly schema: { readonly type: string; readonly enum?: readonly unknown[]; readonly items?: { readonly pattern?: string } };
};
const parameters: readonly Parameter[] = openApiDocument.paths["/api/v1/initiatives"].get.parameters;

describe("contrato OpenAPI de /api/v1/initiatives", () => {
  it("documenta exactamente los parámetros que la API valida", () => {
    expect(parameters.map((p) => p.name).sort()).toEqual(Object.keys(initiativeQuerySchema.shape).sort());
  });

  it("cada patrón y cada lista de valores documentados aceptan lo mismo que la validación", () => {
    const samples = [
      "1",
      "12",
      "1.1",
      "10.12",
      "1.",
      "convenios",
      "alianzas-publico-privadas",
      "Convenios",
      "por-iniciar",
      "ninguna",
      "si",
      "no",
      "todos",
      "nombre",
      "desc",
      "25",
      "13",
      "a b",
      "",
    ];
    for (const parameter of parameters) {
      const pattern = parameter.schema.items?.pattern;
      const allowed = parameter.schema.enum ?? parameter.schema.items?.pattern;
      if (!allowed || parameter.schema.type === "integer") continue;
      for (const sample of samples.filter(Boolean)) {
        const documented = pattern ? new RegExp(pattern).test(sample) : parameter.schema.enum!.includes(sample);
        const accepted = parseInitiativeQueryStrict(new URLSearchParams({ [parameter.name]: sample })).success;
        expect({ parameter: parameter.name, sample, documented }).toEqual({ parameter: parameter.name, sample, documented: accepted });
      }
    }
  });
});
