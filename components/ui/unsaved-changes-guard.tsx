"use client";

import { useEffect } from "react";

/** Forms that only look things up (search, filters) hold nothing to lose. */
function holdsWork(form: HTMLFormElement) {
  return (
    form.getAttribute("role") !== "search" && form.getAttribute("method")?.toLowerCase() !== "get" && form.dataset.unsaved !== "ignore"
  );
}

/**
 * Asks before leaving a page with a form whose changes are not saved: on
 * unload (reload, closing the tab, another site) and on every in-app link,
 * the header menu's included, which navigate without unloading. A form is
 * changed once the user types or picks in it, until it is submitted; a form
 * that tracks its own state (the initiative editor) says so with data-dirty.
 */
/** confirm: the question asked before leaving, from the layout, so no text catalogue ships on every page. */
export function UnsavedChangesGuard({ confirm }: { confirm: string }) {
  useEffect(() => {
    const changed = new Set<HTMLFormElement>();
    const dirty = () => [...changed].some((form) => form.isConnected) || document.querySelector('form[data-dirty="true"]') !== null;

    const onInput = (event: Event) => {
      const form = (event.target as HTMLInputElement | null)?.form;
      if (form && holdsWork(form)) changed.add(form);
    };
    const onSubmit = (event: Event) => changed.delete(event.target as HTMLFormElement);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    // Capture on window runs before React's own listeners on the document, so a refused click never reaches the router.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return;
      if (link.target && link.target !== "_self") return;
      const to = new URL(link.href, window.location.href);
      // Another site unloads the page: the browser's own prompt (beforeunload) covers it.
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (!dirty()) return;
      if (window.confirm(confirm)) {
        changed.clear();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };

    document.addEventListener("input", onInput, true);
    document.addEventListener("change", onInput, true);
    document.addEventListener("submit", onSubmit, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      document.removeEventListener("input", onInput, true);
      document.removeEventListener("change", onInput, true);
      document.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [confirm]);
  return null;
}
