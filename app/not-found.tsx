import { StatusPage } from "@/components/ui/status-page";
import { t } from "@/lib/i18n";

export default function NotFound() {
  return <StatusPage code={404} title={t.errors.notFound} detail={t.errors.notFoundDetail} />;
}
