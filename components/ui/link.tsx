"use client";

import NextLink from "next/link";
import { type ComponentProps, useState } from "react";

/**
 * The portal's link between pages: Next's Link, which navigates without
 * reloading the page, but prefetching its page only when the reader points at
 * it, focuses it or touches it. Next's default prefetches every link as it
 * scrolls into view: 19 to 48 requests to the server per page visit, each one
 * checking the session, most for pages nobody opens (`npm run bench:visit`).
 */
export function Link({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  const withIntent =
    <Event,>(handler?: (event: Event) => void) =>
    (event: Event) => {
      setIntent(true);
      handler?.(event);
    };
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={withIntent(onMouseEnter)}
      onFocus={withIntent(onFocus)}
      onTouchStart={withIntent(onTouchStart)}
    />
  );
}
