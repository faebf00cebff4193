"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

/**
 * Changes the URL (the single source of the table's state) with push, so the
 * back button undoes the last change. Filter changes go back to page one.
 */
export function useQueryNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  function navigate(update: (params: URLSearchParams) => void, options: { resetPage?: boolean; replace?: boolean } = {}) {
    const params = new URLSearchParams(searchParams.toString());
    update(params);
    if (options.resetPage !== false) params.delete("pagina");
    const query = params.toString();
    const url = query ? `${pathname}?${query}` : pathname;
    startTransition(() => (options.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
  }

  return { navigate, pending, searchParams };
}
