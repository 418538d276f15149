import { permissionMessageId, type PermissionExplanation, type PermissionKey, type PermissionSource } from "@/lib/authz/permissions";
import { DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";

/** One source of one held key, ready to show: what it is, the resources it names, and when it ends. */
export interface AccessSourceLine {
  source: PermissionSource;
  /** "role Developer", "team Ops", "custom role Operator (through team Ops)"… */
  name: string;
  /** The names of the resources the source lists; "all" from Admin up; empty: none of its own. */
  resources: string[] | "all";
  expiresAt: string | null;
  /** The same source as the member reads it about themselves (see sentenceForYou). */
  sentence: string;
}

export interface AccessLine {
  key: PermissionKey;
  label: string;
  sources: AccessSourceLine[];
}

export type ResourceNames = Map<string, string>;

/** Where a permission comes from, as a noun phrase for the "Why" view of someone's access. */
export function sourceName(source: PermissionSource, locale: AppLocale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "roles.explain.source");
  const r = translatorFor(locale, "permissions");
  switch (source.kind) {
    case "role":
      return source.team
        ? t("roleRaised", { role: r(`roles.${source.role}`), team: source.team.name })
        : t("role", { role: r(`roles.${source.role}`) });
    case "team":
      return t("team", { name: source.name });
    case "customRole":
      return source.team ? t("customRoleThroughTeam", { name: source.name, team: source.team.name }) : t("customRole", { name: source.name });
    case "direct":
      return t("direct");
    case "accessRequest":
      return t("accessRequest");
  }
}

/** The same, as the reason a member reads about themselves: "… because you are in team Ops". */
export function reasonForYou(source: PermissionSource, locale: AppLocale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "roles.explain.reason");
  switch (source.kind) {
    case "role":
      return source.team ? t("roleRaised", { team: source.team.name, role: source.role }) : t("role", { role: source.role });
    case "team":
      return t("team", { name: source.name });
    case "customRole":
      return source.team ? t("customRoleThroughTeam", { name: source.name, team: source.team.name }) : t("customRole", { name: source.name });
    case "direct":
      return t("direct");
    case "accessRequest":
      return t("accessRequest");
  }
}

/**
 * Explanations with resource ids turned into names (unknown ids, e.g. deleted resources, are left out),
 * in the reader's language.
 */
export function toAccessLines(explanations: readonly PermissionExplanation[], names: ResourceNames, locale: AppLocale = DEFAULT_LOCALE): AccessLine[] {
  const p = translatorFor(locale, "permissions");
  return explanations.map(({ key, sources }) => {
    const label = p(`keys.${permissionMessageId(key)}.label`);
    return {
      key,
      label,
      sources: sources.map(({ source, resources }) => {
        const line = {
          source,
          name: sourceName(source, locale),
          resources:
            resources === "all"
              ? ("all" as const)
              : [...resources.projectIds, ...resources.instanceIds, ...resources.serverIds].flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
          expiresAt: "expiresAt" in source ? source.expiresAt : null,
        };
        return { ...line, sentence: sentenceForYou({ label }, line, locale) };
      }),
    };
  });
}

/**
 * "You can use “Restart” on alpha because you are in team Ops." One sentence per source; the label is
 * quoted as the permissions modal shows it (labels are nouns and verbs alike).
 */
export function sentenceForYou(
  line: Pick<AccessLine, "label">,
  source: Pick<AccessSourceLine, "source" | "resources">,
  locale: AppLocale = DEFAULT_LOCALE,
): string {
  const t = translatorFor(locale, "roles.explain.sentence");
  const reason = reasonForYou(source.source, locale);
  if (source.resources === "all") return t("everywhere", { label: line.label, reason });
  if (source.resources.length) return t("on", { label: line.label, resources: source.resources.join(", "), reason });
  return t("plain", { label: line.label, reason });
}
