import { useFormatter, useTranslations } from "next-intl";
import { COUNT_CAP } from "@/lib/api/pagination";

/** A resource list's heading with its total ("1,000+" past the cap) and whether a search narrowed it. */
export function ListHeading({ title, total, searching }: { title: string; total: number; searching: boolean }) {
  const t = useTranslations("resources.list");
  const format = useFormatter();
  const count = total > COUNT_CAP ? t("countCapped", { count: format.number(COUNT_CAP) }) : format.number(total);
  return (
    <h1 className="text-2xl font-semibold">
      {title} <span className="text-base font-normal text-gray-600">{searching ? t("countMatching", { count }) : t("count", { count })}</span>
    </h1>
  );
}
