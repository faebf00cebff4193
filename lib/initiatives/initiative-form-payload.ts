import { z } from "zod";
import { initiativeInputSchema, updateInitiativeSchema } from "./initiative-schema";
import { t } from "@/lib/i18n";

/** The edit form posts its state as one JSON field; this unwraps it into the entity's schema. */
const payload = <S extends z.ZodType>(schema: S) =>
  z
    .object({ payload: z.string().max(1_000_000, t.validation.form.tooLarge) })
    .transform((value, ctx) => {
      try {
        return JSON.parse(value.payload) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: t.validation.form.incomplete });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const createInitiativePayloadSchema = payload(initiativeInputSchema);
export const updateInitiativePayloadSchema = payload(updateInitiativeSchema);
