import type { Metadata } from "next";
import { StatusPage } from "@/components/ui/status-page";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.errors.notFound };

export default function NotFound() {
  return <StatusPage code={404} title={t.errors.notFound} detail={t.errors.notFoundDetail} />;
}
