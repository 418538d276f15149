import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

/** Previous/next links for a server-paginated list; `href(page)` keeps the list's filters. */
export function Pagination({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  const t = useTranslations("ui.pagination");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      <span className="text-gray-700">
        {t("pageOf", { page, count: pageCount })}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={buttonClass("secondary")} href={href(page - 1)}>{t("previous")}</Link> : null}
        {page < pageCount ? <Link className={buttonClass("secondary")} href={href(page + 1)}>{t("next")}</Link> : null}
      </span>
    </nav>
  );
}

/** Newer/older links for a list read by keyset (a log), where a page number and a total would cost a count. */
export function CursorPagination({ label, newerHref, olderHref }: { label: string; newerHref: string | null; olderHref: string | null }) {
  const t = useTranslations("ui.pagination");
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex justify-end gap-2 text-sm">
      {newerHref ? <Link className={buttonClass("secondary")} href={newerHref}>{t("newer")}</Link> : null}
      {olderHref ? <Link className={buttonClass("secondary")} href={olderHref}>{t("older")}</Link> : null}
    </nav>
  );
}

/** Previous/next links for a list read by keyset (the cursors in the URL): no page number, which would cost a count. */
export function KeysetPagination({ label, previousHref, nextHref }: { label: string; previousHref: string | null; nextHref: string | null }) {
  const t = useTranslations("ui.pagination");
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex justify-end gap-2 text-sm">
      {previousHref ? <Link className={buttonClass("secondary")} href={previousHref}>{t("previous")}</Link> : null}
      {nextHref ? <Link className={buttonClass("secondary")} href={nextHref}>{t("next")}</Link> : null}
    </nav>
  );
}
