import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import type { listSecurityEvents } from "@/lib/security-log/queries";
import { describeDevice } from "@/lib/sessions/device";

type SecurityEventRow = Awaited<ReturnType<typeof listSecurityEvents>>[number];

export function SecurityLog({ events }: { events: SecurityEventRow[] }) {
  const t = useTranslations("account.securityLog");
  const common = useTranslations("common");
  const locale = useLocale();
  return (
    <Card>
      <section aria-labelledby="security-log-heading" className="space-y-3">
        <h2 id="security-log-heading" className="font-semibold">
          {t("heading")}
        </h2>
        {events.length === 0 ? (
          <p className="text-sm text-gray-700">{t("empty")}</p>
        ) : (
          <DataTable caption={t("heading")} headers={[t("when"), t("what"), t("address"), t("browser")]}>
            {events.map((event) => (
              <tr key={event.id}>
                <Td>{formatDateTime(event.createdAt, locale)}</Td>
                {/* Every SecurityEventKind has a key (account.securityLog.events); an old row of a retired kind shows its name. */}
                <Td>{t.has(`events.${event.kind}`) ? t(`events.${event.kind}`) : event.kind}</Td>
                <Td>{event.ip ?? common("unknown")}</Td>
                <Td>{describeDevice(event.userAgent)}</Td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Card>
  );
}
