"use server";

import { formAction } from "@/lib/actions/form-action";
import { t } from "@/lib/i18n";
import {
  createMechanism,
  mechanismSchema,
  mergeMechanisms,
  mergeMechanismSchema,
  updateMechanism,
  updateMechanismSchema,
} from "@/lib/mechanisms/manage-mechanisms";

export const createMechanismAction = formAction({
  permission: "matrix:edit",
  what: "crear mecanismo",
  audit: ["mechanism.create"],
  schema: mechanismSchema,
  run: async (input, { user, request, db }) => {
    const mechanism = await createMechanism(db, input, user, request);
    return { message: t.mechanismAdmin.created(mechanism.name) };
  },
});

export const updateMechanismAction = formAction({
  permission: "matrix:edit",
  what: "modificar mecanismo",
  audit: ["mechanism.update"],
  schema: updateMechanismSchema,
  run: async (input, { user, request, db }) => {
    await updateMechanism(db, input, user, request);
    return { message: t.mechanismAdmin.updated };
  },
});

export const mergeMechanismAction = formAction({
  permission: "matrix:edit",
  what: "fusionar mecanismos",
  audit: ["mechanism.merge"],
  schema: mergeMechanismSchema,
  run: async (input, { user, request, db }) => {
    const result = await mergeMechanisms(db, input, user, request);
    return { message: t.mechanismAdmin.merged(result.links, result.initiatives) };
  },
});
