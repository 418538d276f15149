import Link from "next/link";
import { buttonClass } from "./button";

/** Previous/next links for a server-paginated list; `href(page)` keeps the list's filters. */
export function Pagination({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      <span className="text-gray-700">
        Page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={buttonClass("secondary")} href={href(page - 1)}>Previous</Link> : null}
        {page < pageCount ? <Link className={buttonClass("secondary")} href={href(page + 1)}>Next</Link> : null}
      </span>
    </nav>
  );
}

/** Newer/older links for a list read by keyset (a log), where a page number and a total would cost a count. */
export function CursorPagination({ label, newerHref, olderHref }: { label: string; newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex justify-end gap-2 text-sm">
      {newerHref ? <Link className={buttonClass("secondary")} href={newerHref}>Newer</Link> : null}
      {olderHref ? <Link className={buttonClass("secondary")} href={olderHref}>Older</Link> : null}
    </nav>
  );
}
