"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

/**
 * A header link that knows where the user is: the page itself is
 * aria-current="page"; a page inside its section (an initiative under
 * «Iniciativas») marks the section with aria-current="true".
 */
export function NavLink({ href, className, children }: { href: string; className: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href ? "page" : href !== "/" && pathname.startsWith(`${href}/`) ? "true" : undefined;
  return (
    <Link href={href} aria-current={current} data-current={current ? "" : undefined} className={className}>
      {children}
    </Link>
  );
}
