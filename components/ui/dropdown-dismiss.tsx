"use client";

import { useEffect } from "react";

/**
 * Menus are <details data-dropdown> so they work without JavaScript; with it,
 * this closes an open one as menus are expected to close: a click or focus
 * elsewhere, Escape (focus goes back to its button), or following one of its links.
 */
export function DropdownDismiss() {
  useEffect(() => {
    const open = () => [...document.querySelectorAll<HTMLDetailsElement>("details[data-dropdown][open]")];
    const outside = (event: Event) => {
      for (const details of open()) if (!details.contains(event.target as Node)) details.open = false;
    };
    const keydown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      for (const details of open()) {
        details.open = false;
        if (details.contains(document.activeElement)) details.querySelector("summary")?.focus();
      }
    };
    const click = (event: MouseEvent) => {
      const link = (event.target as Element).closest?.("a");
      const details = link?.closest<HTMLDetailsElement>("details[data-dropdown]");
      if (details) details.open = false;
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    document.addEventListener("keydown", keydown);
    document.addEventListener("click", click);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
      document.removeEventListener("keydown", keydown);
      document.removeEventListener("click", click);
    };
  }, []);
  return null;
}
