import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * What an empty list shows instead of nothing: what would be here, and the next step (a button or a
 * link in `action`, or who to ask when the person may not take it themselves).
 */
export function EmptyState({
  title,
  children,
  action,
  className,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("rounded-lg border border-dashed border-gray-300 bg-white px-6 py-8 text-center", className)}>
      <p className="text-sm font-semibold text-gray-900">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-prose text-sm text-gray-700">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center gap-2">{action}</div> : null}
    </div>
  );
}
