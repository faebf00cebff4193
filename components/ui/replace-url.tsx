"use client";

import { useEffect } from "react";

/**
 * Corrects the address without loading the page again: for a page already
 * rendered for `href` (a streamed page cannot answer with a redirect, and
 * Next's fallback for one reloads it a second later).
 */
export function ReplaceUrl({ href }: { href: string }) {
  useEffect(() => {
    window.history.replaceState(null, "", href);
  }, [href]);
  return null;
}
