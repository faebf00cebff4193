import { PAGE_SIZES, SORTS } from "@/lib/initiatives/table-options";
import { MECHANISM_SLUG } from "@/lib/matrix/mechanism-names";
import { STATUS_SLUGS, STATUSES } from "@/lib/tracking/statuses";
import { INDICATOR_STATUSES } from "@/lib/indicators/indicator-math";
import { REPORT_STATES } from "@/lib/accountability/report-status";

const list = (description: string, pattern: string) => ({
  in: "query",
  required: false,
  description,
  style: "form",
  explode: true,
  schema: { type: "array", items: { type: "string", pattern } },
});

const errorBody = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string" },
    message: { type: "string" },
    errors: { type: "array", items: { type: "object", properties: { parameter: { type: "string" }, message: { type: "string" } } } },
  },
};

/** The API's contract, served at /api/v1/openapi.json. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Matriz PMDOT — API de consulta",
    version: "1.0.0",
    description:
      "Iniciativas de la Matriz de inserción estratégica territorial (PMDOT 2024-2033, Apéndice 12). Requiere una sesión iniciada en el portal (cookie de sesión).",
  },
  servers: [{ url: "/" }],
  security: [{ session: [] }],
  components: {
    securitySchemes: { session: { type: "apiKey", in: "cookie", name: "__Secure-next-auth.session-token" } },
    schemas: {
      Error: errorBody,
      Mechanism: { type: "object", properties: { name: { type: "string" }, slug: { type: "string" } } },
      Rollup: {
        type: "object",
        description:
          "Avance agregado. `average` es null cuando la cobertura (porcentaje de iniciativas con dato) no alcanza `minCoverage`, el mínimo que fija administración: el portal muestra entonces «Datos insuficientes».",
        properties: {
          average: { type: ["number", "null"], minimum: 0, maximum: 100 },
          counted: { type: "integer", description: "Iniciativas con dato de avance." },
          total: { type: "integer", description: "Iniciativas vigentes del grupo." },
          coverage: {
            type: ["number", "null"],
            description: "Porcentaje de iniciativas con dato (un decimal); null si el grupo está vacío.",
          },
          sufficient: { type: "boolean", description: "Si la cobertura alcanza el mínimo y hay promedio." },
        },
      },
      InitiativeSummary: {
        type: "object",
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          managementObjective: { type: "object", properties: { code: { type: "string" }, title: { type: "string" } } },
          developmentObjectiveCode: { type: "string" },
          mechanisms: { type: "array", items: { $ref: "#/components/schemas/Mechanism" } },
          articulationObjectiveCount: { type: "integer" },
          status: { type: "string", enum: [...STATUSES] },
          progress: {
            type: ["integer", "null"],
            minimum: 0,
            maximum: 100,
            description: "Porcentaje; null si nadie ha informado una cifra.",
          },
          leadSecretariat: {
            oneOf: [{ type: "null" }, { type: "object", properties: { name: { type: "string" }, slug: { type: "string" } } }],
          },
          lastUpdateOn: { type: ["string", "null"], format: "date", description: "Fecha del último avance registrado." },
        },
      },
    },
  },
  paths: {
    "/api/v1/initiatives": {
      get: {
        summary: "Lista paginada de iniciativas con los mismos filtros que /iniciativas",
        parameters: [
          { name: "q", in: "query", description: "Texto; ignora mayúsculas y tildes.", schema: { type: "string", maxLength: 200 } },
          { name: "desarrollo", ...list("Códigos de objetivo de desarrollo.", "^\\d{1,2}$") },
          { name: "objetivo", ...list("Códigos de objetivo de gestión.", "^\\d{1,2}\\.\\d{1,2}$") },
          { name: "mecanismo", ...list("Identificadores de mecanismo.", MECHANISM_SLUG.source) },
          { name: "estado", ...list("Estados de ejecución.", `^(${STATUSES.map((st) => STATUS_SLUGS[st]).join("|")})$`) },
          {
            name: "responsable",
            ...list("Secretarías responsables por identificador, o «ninguna» para las iniciativas sin responsable.", "^[a-z0-9-]{1,120}$"),
          },
          {
            name: "desactualizadas",
            in: "query",
            description: "«si»: sin avances registrados en los últimos 90 días.",
            schema: { type: "string", enum: ["si"] },
          },
          {
            name: "vencen",
            in: "query",
            description: "«si»: con instrumentos firmados que vencen en los próximos 90 días.",
            schema: { type: "string", enum: ["si"] },
          },
          {
            name: "periodo",
            in: "query",
            description: "Identificador del periodo de reporte para «reporte»; sin él, el abierto que vence primero o el más reciente.",
            schema: { type: "integer", minimum: 1 },
          },
          {
            name: "reporte",
            in: "query",
            description: "Estado del reporte del periodo: pendiente, enviado, devuelto, aprobado, atrasado o excluido.",
            schema: { type: "string", enum: [...REPORT_STATES] },
          },
          {
            name: "indicador",
            ...list(
              "Semáforo de indicadores: iniciativas con al menos un indicador en alguno de estos estados (en-camino, en-riesgo, fuera-de-ruta, sin-datos), el que muestra su ficha con los umbrales vigentes.",
              `^(${INDICATOR_STATUSES.join("|")})$`,
            ),
          },
          {
            name: "hitos",
            in: "query",
            description: "«atrasados»: con al menos un hito previsto o en curso cuya fecha prevista ya pasó (día de Quito).",
            schema: { type: "string", enum: ["atrasados"] },
          },
          { name: "modo", in: "query", schema: { type: "string", enum: ["alguno", "todos"], default: "alguno" } },
          {
            name: "archivadas",
            in: "query",
            description: "«si»: solo las iniciativas archivadas.",
            schema: { type: "string", enum: ["si"] },
          },
          { name: "orden", in: "query", schema: { type: "string", enum: [...SORTS] } },
          { name: "dir", in: "query", schema: { type: "string", enum: ["asc", "desc"], default: "asc" } },
          { name: "pagina", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "por", in: "query", schema: { type: "integer", enum: [...PAGE_SIZES], default: 25 } },
        ],
        responses: {
          "200": {
            description: "Una página de resultados",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/InitiativeSummary" } },
                    count: { type: "integer" },
                    currentPage: { type: "integer" },
                    perPage: { type: "integer" },
                    totalPages: { type: "integer" },
                  },
                },
              },
            },
          },
          "400": {
            description: "Parámetro inválido o desconocido (se nombra cada uno)",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "401": { description: "Sin sesión", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/api/v1/initiatives/{id}": {
      get: {
        summary: "Una iniciativa con sus objetivos de articulación y mecanismos",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: {
          "200": { description: "La iniciativa" },
          "400": { description: "Id inválido", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": { description: "Sin sesión", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "404": { description: "No existe", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/api/v1/objectives/{code}": {
      get: {
        summary: "Avance agregado de un objetivo de desarrollo («2») o de gestión («2.3»), con su cobertura",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", pattern: "^\\d{1,2}(\\.\\d{1,2})?$" } }],
        responses: {
          "200": {
            description: "El objetivo, el mínimo de cobertura vigente y el avance agregado suyo y de cada objetivo de gestión",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    code: { type: "string" },
                    kind: { type: "string", enum: ["development", "management"] },
                    title: { type: "string" },
                    initiatives: { type: "integer" },
                    minCoverage: { type: "integer", minimum: 0, maximum: 100 },
                    rollup: { $ref: "#/components/schemas/Rollup" },
                    managementObjectives: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          code: { type: "string" },
                          title: { type: "string" },
                          rollup: { $ref: "#/components/schemas/Rollup" },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "400": { description: "Código inválido", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "401": { description: "Sin sesión", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "404": { description: "No existe", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
  },
} as const;
