/**
 * The parts of the catalog that components able to render in the browser read (useTranslations), sent
 * with every page to NextIntlClientProvider. The rest (pages' getTranslations, emails, PDFs) stays on
 * the server: the whole catalog in every page's payload would outweigh most pages' content.
 * lib/i18n/catalog.test.ts fails when a useTranslations namespace is missing here, or an entry is stale.
 */
export const CLIENT_NAMESPACES: readonly string[] = [
  // Field errors and toasts translate messageKey() messages from these two (components/ui/field.tsx).
  "validation",
  "errors",
  "accessRequests.decide",
  "accessRequests.request",
  "accessRequests.table",
  "account.email",
  "account.language",
  "account.password",
  "account.recoveryCodes",
  "account.securityLog",
  "account.sessions",
  "account.twoFactor",
  "account.verifyBanner",
  "admin.quotaRequests",
  "ai",
  "alerting",
  "apiKeys.create",
  "apiKeys.revoke",
  "audit",
  "auth",
  "billing.forms",
  "common",
  "general.address",
  "general.colour",
  "general.delete",
  "general.details",
  "general.logo",
  "general.twoFactor",
  "invitations.response",
  "members.changeRole",
  "members.invitationActions",
  "members.invitations.delivery",
  "members.invite",
  "members.leave",
  "members.menu",
  "members.permissions",
  "members.remove",
  "members.table",
  "members.transfer",
  "pages.error",
  "pages.notFound",
  "permissions",
  "quotas",
  "resources",
  "roles.assign",
  "roles.manager",
  "roles.member",
  "roles.why",
  "secrets.form",
  "shell",
  "teams.addMember",
  "teams.card",
  "teams.create",
  "teams.permissions",
  "teams.roles",
  "theme",
  "ui.filterBar",
  "ui.pagination",
  "ui.select",
  "ui.table",
  "workspaces",
];

type Catalog = { [key: string]: string | Catalog };

/** The catalog cut down to CLIENT_NAMESPACES (dotted paths), in the same nesting. */
export function clientMessages<M extends object>(messages: M): Partial<M> {
  const out: Catalog = {};
  for (const path of CLIENT_NAMESPACES) {
    const parts = path.split(".");
    let source: Catalog | string | undefined = messages as unknown as Catalog;
    for (const part of parts) source = typeof source === "object" ? source[part] : undefined;
    if (source === undefined) continue;
    let target = out;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Catalog;
    target[parts.at(-1)!] = source;
  }
  return out as Partial<M>;
}

const clientMessagesJsonByCatalog = new WeakMap<object, string>();

/**
 * clientMessages as JSON text, built once per catalog (the catalogs live as long as the process). The
 * provider gets the text, not the object: see components/i18n/client-intl-provider.tsx.
 */
export function clientMessagesJson(messages: object): string {
  let json = clientMessagesJsonByCatalog.get(messages);
  if (json === undefined) {
    json = JSON.stringify(clientMessages(messages));
    clientMessagesJsonByCatalog.set(messages, json);
  }
  return json;
}
