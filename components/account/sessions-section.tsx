import { useLocale, useTranslations } from "next-intl";
import { BoundActionButton } from "@/components/resources/action-button";
import { Badge, Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { revokeSessionAction, signOutEverywhereAction } from "@/lib/sessions/actions";
import { describeDevice } from "@/lib/sessions/device";
import type { listSessions } from "@/lib/sessions/queries";

type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** Every browser signed in to the account, with a way to end any of them (this one signs out instead). */
export function SessionsSection({ sessions, currentSessionId }: { sessions: SessionRow[]; currentSessionId: string | null }) {
  const t = useTranslations("account.sessions");
  const common = useTranslations("common");
  const locale = useLocale();
  const others = sessions.filter((session) => session.id !== currentSessionId).length;
  return (
    <Card>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="sessions-heading" className="font-semibold">
            {t("heading")}
          </h2>
          {others > 0 && (
            <BoundActionButton
              action={signOutEverywhereAction}
              input={{}}
              success={t("signedOutOthers")}
              confirm={{
                title: t("signOutOthersTitle"),
                description: t("signOutOthersDescription", { count: others }),
                confirmLabel: t("signOutOthers"),
              }}
            >
              {t("signOutOthers")}
            </BoundActionButton>
          )}
        </div>
        <DataTable caption={t("caption")} headers={[t("browser"), t("address"), t("signedIn"), t("lastSeen"), ""]}>
          {sessions.map((session) => {
            const device = describeDevice(session.userAgent);
            const isThis = session.id === currentSessionId;
            return (
              <tr key={session.id}>
                <Td>
                  {device} {isThis && <Badge className="ml-1 bg-green-100 text-green-900">{t("thisDevice")}</Badge>}
                </Td>
                <Td>{session.ip ?? common("unknown")}</Td>
                <Td>{formatDateTime(session.createdAt, locale)}</Td>
                <Td>{formatDateTime(session.lastSeenAt, locale)}</Td>
                <Td className="text-right">
                  {!isThis && (
                    <BoundActionButton
                      action={revokeSessionAction}
                      input={{ sessionId: session.id }}
                      label={t("revokeLabel", { device, address: session.ip ?? t("unknownAddress") })}
                      success={t("revoked")}
                      confirm={{
                        title: t("revokeTitle"),
                        description: t("revokeDescription", { device, address: session.ip ?? t("unknownAddress") }),
                        confirmLabel: t("revokeConfirm"),
                      }}
                    >
                      {t("revoke")}
                    </BoundActionButton>
                  )}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </Card>
  );
}
