import { useTranslations } from "next-intl";
import { useFormatExpiry } from "@/components/permissions/expiry-text";
import type { AccessLine } from "@/lib/roles/explain";

/**
 * "Why can they?": each permission held, and for each the sources that grant it (role, custom role,
 * team, direct grant, approved request) with the resources they name and when they end. With `you`,
 * the same as sentences for the member about themselves. The lines arrive in the reader's language.
 */
export function AccessExplanation({ lines, you, headingLevel = 3 }: { lines: AccessLine[]; you?: boolean; headingLevel?: 2 | 3 }) {
  const t = useTranslations("roles.why");
  const formatExpiry = useFormatExpiry();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (lines.length === 0) return <p className="text-sm text-gray-700">{t("none")}</p>;
  return (
    <ul className="divide-y divide-gray-100 text-sm" aria-label={you ? t("yoursLabel") : t("label")}>
      {lines.map((line) => (
        <li key={line.key} className="py-2">
          <Heading className="font-medium text-gray-900">{line.label}</Heading>
          <ul className="mt-1 space-y-0.5 text-gray-700">
            {line.sources.map((source, index) => (
              <li key={index}>
                {you
                  ? source.sentence
                  : source.resources === "all"
                    ? t("fromEverywhere", { source: source.name })
                    : source.resources.length
                      ? t("fromOn", { source: source.name, resources: source.resources.join(", ") })
                      : t("from", { source: source.name })}
                {source.expiresAt ? <span className="text-gray-600"> ({formatExpiry(source.expiresAt)})</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
