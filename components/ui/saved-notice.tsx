"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * The status line a save leaves on the page it leads to («Cambios guardados»).
 * The live region is always there, empty, so screen readers announce the text
 * when it appears; the parameter is then taken out of the address, so a reload
 * or a shared link does not say it again. notices: what each «?guardado=…»
 * value says, from the layout, so no text catalogue ships on every page.
 */
export function SavedNotice({ notices }: { notices: Record<string, string> }) {
  const pathname = usePathname();
  const [message, setMessage] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each navigation, when the address has changed.
  useEffect(() => {
    const url = new URL(window.location.href);
    const notice = notices[url.searchParams.get("guardado") ?? ""];
    setMessage(notice ?? "");
    if (!notice) return;
    url.searchParams.delete("guardado");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [pathname]);
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="saved-notice"
      className={message ? "no-print mb-6 rounded border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900" : "sr-only"}
    >
      {message}
    </div>
  );
}
