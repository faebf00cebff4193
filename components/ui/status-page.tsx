import { Link } from "@/components/ui/link";
import { t } from "@/lib/i18n";

/** The shared layout of the 401, 403 and 404 pages. */
export function StatusPage({ code, title, detail }: { code: number; title: string; detail: string }) {
  return (
    // `.status-page` (app/globals.css): the root layout sends the 404, 403 and 401 pages in the RSC payload of every page.
    <div className="status-page">
      <p>{code}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      <Link href="/">{t.errors.backHome}</Link>
    </div>
  );
}
