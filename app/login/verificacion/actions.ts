"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError } from "@/lib/actions/action-error";
import { confirmEnrolment, startEnrolment, verifySecondFactor } from "@/lib/auth/mfa";
import { clearPendingSignIn, readPendingSignIn, type PendingStep } from "@/lib/auth/pending-sign-in";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { startSession } from "@/lib/auth/sign-in";
import { getPrimaryDb } from "@/lib/db/client";
import { requestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { logger } from "@/lib/logger";

export interface CodeState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: { codes: string[]; continueTo?: string };
}

const PATH = "/login/verificacion";
const codeSchema = z.object({ code: z.string().trim().max(64) });

/**
 * These actions run before any session exists: what stands in for it is the
 * pending sign-in cookie (lib/auth/pending-sign-in.ts), checked here for the
 * step it allows. Errors are Spanish ActionErrors from lib/auth/mfa.ts.
 */
async function pendingStep<T extends CodeState>(
  step: PendingStep,
  formData: FormData,
  run: (pending: NonNullable<Awaited<ReturnType<typeof readPendingSignIn>>>, code: string) => Promise<T>,
): Promise<T | CodeState> {
  const pending = await readPendingSignIn();
  if (!pending || pending.step !== step) return { status: "error", message: t.mfa.expired };
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", message: t.mfa.invalidCode, fieldErrors: { code: [t.mfa.invalidCode] } };
  try {
    return await run(pending, parsed.data.code);
  } catch (error) {
    if (error instanceof ActionError) {
      return { status: "error", message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
    }
    logger.error({ err: error, action: step }, "second factor action failed");
    return { status: "error", message: t.errors.generic };
  }
}

/** The second step of a sign-in: a code (or recovery code) turns the pending sign-in into a session. */
export async function verifyCodeAction(_previous: CodeState, formData: FormData): Promise<CodeState> {
  let target: string | null = null;
  const state = await pendingStep("verify", formData, async (pending, code) => {
    const context = requestContext(await headers());
    const db = getPrimaryDb();
    const method = await verifySecondFactor(db, pending.user, { code }, context);
    const user = await startSession(db, pending.user, context, method === "totp" ? "password+totp" : "password+recovery");
    await setSessionCookie(user);
    await clearPendingSignIn();
    target = pending.callbackUrl;
    return { status: "success" as const };
  });
  // redirect() throws: outside the try so it is not taken for an error.
  if (target) redirect(target);
  return state;
}

export async function startEnrolmentAction(_previous: CodeState, _data: FormData): Promise<CodeState> {
  const pending = await readPendingSignIn();
  if (pending?.step !== "enrol") return { status: "error", message: t.mfa.expired };
  try {
    await startEnrolment(getPrimaryDb(), pending.user);
  } catch (error) {
    if (error instanceof ActionError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath(PATH);
  return { status: "idle" };
}

/** Enrolment required at sign-in: the first code confirms it and opens the session; the recovery codes are shown once. */
export async function confirmEnrolmentAction(_previous: CodeState, formData: FormData): Promise<CodeState> {
  return pendingStep("enrol", formData, async (pending, code) => {
    const context = requestContext(await headers());
    const db = getPrimaryDb();
    const codes = await confirmEnrolment(db, pending.user, { code }, context);
    const user = await startSession(db, pending.user, context, "password+totp");
    await setSessionCookie(user);
    await clearPendingSignIn();
    return { status: "success" as const, message: t.mfa.enabled, data: { codes, continueTo: pending.callbackUrl } };
  });
}
