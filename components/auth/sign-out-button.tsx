"use client";

import { signOut } from "next-auth/react";
import { auth } from "@/lib/i18n/es/auth";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { auth } as const;

/** logoutUrl: the directory's end-session address, for sessions opened through it (RP-initiated logout). */
export function SignOutButton({ logoutUrl }: { logoutUrl?: string | null }) {
  return (
    <button
      type="button"
      onClick={async () => {
        // Relative redirect: the public URL may differ from what the server believes it is.
        await signOut({ redirect: false });
        window.location.assign(logoutUrl ?? "/login");
      }}
      className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100"
    >
      {t.auth.signOut}
    </button>
  );
}
