import { z } from "zod";
import { initiativeInputSchema, updateInitiativeSchema } from "./initiative-schema";

/** The edit form posts its state as one JSON field; this unwraps it into the entity's schema. */
const payload = <S extends z.ZodType>(schema: S) =>
  z
    .object({ payload: z.string().max(1_000_000, "El formulario es demasiado grande.") })
    .transform((value, ctx) => {
      try {
        return JSON.parse(value.payload) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "El formulario llegó incompleto. Recargue la página." });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const createInitiativePayloadSchema = payload(initiativeInputSchema);
export const updateInitiativePayloadSchema = payload(updateInitiativeSchema);
