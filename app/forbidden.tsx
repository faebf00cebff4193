import { StatusPage } from "@/components/ui/status-page";
import { t } from "@/lib/i18n";

export default function Forbidden() {
  return <StatusPage code={403} title={t.auth.forbiddenTitle} detail={t.auth.forbiddenDetail} />;
}
