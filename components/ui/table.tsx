import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * A bordered table with a header row; cells come from the caller. Cell padding is set once on the
 * table rather than on every cell: on a 50-row page the repeated class names were a sizeable share of
 * the HTML and of the payload that repeats it.
 */
export function DataTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  const t = useTranslations("ui.table");
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm [&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-200 bg-gray-50 text-gray-700">
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" className="font-medium">
                {h || <span className="sr-only">{t("actions")}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return className ? <td className={className}>{children}</td> : <td>{children}</td>;
}
