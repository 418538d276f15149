import { cn } from "@/lib/cn";

/** The workspace's logo when it has one, else its initial on a tile in the primary colour. */
export function WorkspaceMark({ name, logoUrl, className }: { name: string; logoUrl?: string | null; className?: string }) {
  if (logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- a member-only route, not a static asset
    return <img src={logoUrl} alt="" className={cn("size-7 shrink-0 rounded-md object-cover", className)} />;
  }
  const initial = name.trim().charAt(0).toUpperCase() || "?";
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-brand text-sm font-semibold text-brand-fg",
        className,
      )}
    >
      {initial}
    </span>
  );
}
