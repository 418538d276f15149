import { Badge } from "@/components/ui/card";
import { cn } from "@/lib/cn";

const STATUS_CLASS = {
  RUNNING: "bg-green-100 text-green-900",
  STOPPED: "bg-gray-200 text-gray-900",
  RESTARTING: "bg-amber-100 text-amber-900",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_CLASS }) {
  return <Badge className={cn(STATUS_CLASS[status])}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}

export function EnvironmentBadge({ environment }: { environment: string }) {
  return (
    <Badge className={environment === "PRODUCTION" ? "bg-red-100 text-red-900" : "bg-indigo-50 text-indigo-900"}>
      {environment.charAt(0) + environment.slice(1).toLowerCase()}
    </Badge>
  );
}
