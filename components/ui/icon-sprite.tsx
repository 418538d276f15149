import type { LucideIcon } from "lucide-react";

/**
 * Lucide icons drawn once per page and reused by reference, for icons repeated on every row of a long
 * table: a lucide component costs far more to render on the server than the few elements it outputs
 * (it rebuilds its class names on each render), and fifty of them were a quarter of a page's time.
 */
export function IconSprite({ icons }: { icons: Record<string, LucideIcon> }) {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {Object.entries(icons).map(([id, Icon]) => (
          <Icon key={id} id={id} />
        ))}
      </defs>
    </svg>
  );
}

/** One use of an icon drawn by <IconSprite> on the same page. */
export function SpriteIcon({ id, className }: { id: string; className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={className}>
      <use href={`#${id}`} />
    </svg>
  );
}
