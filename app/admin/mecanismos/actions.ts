"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getDb } from "@/lib/db/client";
import { t } from "@/lib/i18n";
import {
  createMechanism,
  mechanismSchema,
  mergeMechanisms,
  mergeMechanismSchema,
  updateMechanism,
  updateMechanismSchema,
} from "@/lib/mechanisms/manage-mechanisms";

const refresh = () => {
  revalidatePath("/admin/mecanismos");
  revalidatePath("/mecanismos");
};

export const createMechanismAction = formAction({
  permission: "matrix:edit",
  what: "crear mecanismo",
  schema: mechanismSchema,
  run: async (input, { user, request }) => {
    const mechanism = await createMechanism(getDb(), input, user, request);
    refresh();
    return { message: t.mechanismAdmin.created(mechanism.name) };
  },
});

export const updateMechanismAction = formAction({
  permission: "matrix:edit",
  what: "modificar mecanismo",
  schema: updateMechanismSchema,
  run: async (input, { user, request }) => {
    await updateMechanism(getDb(), input, user, request);
    refresh();
    return { message: t.mechanismAdmin.updated };
  },
});

export const mergeMechanismAction = formAction({
  permission: "matrix:edit",
  what: "fusionar mecanismos",
  schema: mergeMechanismSchema,
  run: async (input, { user, request }) => {
    const result = await mergeMechanisms(getDb(), input, user, request);
    refresh();
    return { message: t.mechanismAdmin.merged(result.links, result.initiatives) };
  },
});
