import { cn } from "@/lib/cn";

/** The placeholder logo: the workspace's initial on a tile (uploaded logos come with the General tab). */
export function WorkspaceMark({ name, className }: { name: string; className?: string }) {
  const initial = name.trim().charAt(0).toUpperCase() || "?";
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-brand text-sm font-semibold text-white",
        className,
      )}
    >
      {initial}
    </span>
  );
}
