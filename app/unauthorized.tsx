import { StatusPage } from "@/components/ui/status-page";
import { t } from "@/lib/i18n";

// In Spanish and in the portal's style; without it, Next's English 401 page (with its inline styles) rides in every page's RSC payload.
export default function Unauthorized() {
  return <StatusPage code={401} title={t.auth.unauthorizedTitle} detail={t.auth.unauthorizedDetail} />;
}
