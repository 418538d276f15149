import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/lib/cn";

const STATUS_CLASS = {
  RUNNING: "bg-green-100 text-green-900",
  STOPPED: "bg-gray-200 text-gray-900",
  RESTARTING: "bg-amber-100 text-amber-900",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_CLASS }) {
  const t = useTranslations("resources");
  return <Badge className={cn(STATUS_CLASS[status])}>{t(`status.${status}`)}</Badge>;
}

export function EnvironmentBadge({ environment }: { environment: "DEVELOPMENT" | "STAGING" | "PRODUCTION" }) {
  const t = useTranslations("resources");
  return (
    <Badge className={environment === "PRODUCTION" ? "bg-red-100 text-red-900" : "bg-indigo-50 text-indigo-900"}>
      {t(`environment.${environment}`)}
    </Badge>
  );
}
