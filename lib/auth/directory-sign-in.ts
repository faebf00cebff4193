import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/config";
import { csrfCookieName, csrfTokenOf } from "./csrf-cookie";
import { authConfig } from "./oidc-config";

export interface DirectorySignIn {
  /** The button's name for the directory (OIDC_NAME). */
  name: string;
  csrfToken: string;
  /** next-auth's ?error= on return from the directory, if any. */
  error: string | null;
  localAdminsOnly: boolean;
}

/** What /login needs for the directory button, or null when the portal has no directory sign-in. */
export async function directorySignIn(error: string | string[] | undefined): Promise<DirectorySignIn | null> {
  const { oidc, localAccounts } = authConfig();
  if (!oidc) return null;
  // proxy.ts sets the cookie on /login when it is missing, so it is here.
  const csrfToken = csrfTokenOf((await cookies()).get(csrfCookieName())?.value, env.NEXTAUTH_SECRET) ?? "";
  return { name: oidc.name, csrfToken, error: typeof error === "string" ? error : null, localAdminsOnly: localAccounts === "admins-only" };
}
