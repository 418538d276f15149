import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertRuleForm, ChannelControls, ChannelForm, DeleteRuleButton } from "@/components/settings/alerting";
import { Badge, Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { alertingOverview } from "@/lib/alerting/queries";
import { plainHttpAllowedSomewhere } from "@/lib/outbound";
import { requireMember, requirePermission } from "@/lib/authz";
import { formatMoney } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerting.page");
  return { title: t("title") };
}

export default async function AlertingPage({ params }: PageProps<"/[workspaceSlug]/settings/alerting">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "alerts.manage");
  const slug = ctx.workspace.slug;
  const { channels, rules } = await alertingOverview(ctx.workspace.id);
  const allowPlainHttp = plainHttpAllowedSomewhere();
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const t = await getTranslations("alerting.page");
  const a = await getTranslations("alerting");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("addChannel")}</h2>
          <div className="mt-3"><ChannelForm slug={slug} allowPlainHttp={allowPlainHttp} /></div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("addRule")}</h2>
          {channels.length === 0 ? <p className="mt-2 text-sm text-gray-700">{t("channelFirst")}</p> : <div className="mt-3"><AlertRuleForm slug={slug} channels={channels} /></div>}
        </Card>
      </div>
      <section aria-labelledby="rules-heading" className="space-y-2">
        <h2 id="rules-heading" className="text-lg font-semibold">{t("rulesHeading")}</h2>
        {rules.length === 0 ? (
          <EmptyState title={t("noRulesTitle")}>
            {channels.length === 0 ? t("noRulesNoChannels") : t("noRules")}
          </EmptyState>
        ) : (
        <DataTable caption={t("rulesCaption")} headers={[t("ruleHeaders.when"), t("ruleHeaders.threshold"), t("ruleHeaders.channels"), ""]}>
          {rules.map((r) => (
            <tr key={r.id}>
              <Td>{a(`kinds.${r.kind}`)}</Td>
              <Td>{r.threshold === null ? "—" : r.kind === "BALANCE_BELOW" ? formatMoney(r.threshold, "USD", locale) : t("percent", { value: r.threshold })}</Td>
              <Td>{r.channelIds.map((id) => channelName.get(id) ?? t("deletedChannel")).join(", ")}</Td>
              <Td className="text-right"><DeleteRuleButton slug={slug} ruleId={r.id} label={a(`kinds.${r.kind}`)} /></Td>
            </tr>
          ))}
        </DataTable>
        )}
      </section>
      <section aria-labelledby="channels-heading" className="space-y-3">
        <h2 id="channels-heading" className="text-lg font-semibold">{t("channelsHeading")}</h2>
        {channels.length === 0 ? (
          <EmptyState title={t("noChannelsTitle")}>{t("noChannels")}</EmptyState>
        ) : null}
        {channels.map((c) => (
          <Card key={c.id}>
            <section aria-label={t("channelRegion", { name: c.name })} className="space-y-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{c.name}</h3>
                <Badge>{a(`channelKinds.${c.kind}`)}</Badge>
                {!c.enabled ? <Badge className="bg-amber-100 text-amber-900">{t("disabled")}</Badge> : null}
                <span className="text-sm text-gray-700">{c.kind === "EMAIL" ? c.emails.join(", ") : c.urlHint}</span>
              </div>
              <ChannelControls slug={slug} allowPlainHttp={allowPlainHttp} channel={c} />
              {c.deliveries.length === 0 ? (
                <EmptyState title={t("noDeliveriesTitle")}>{t("noDeliveries")}</EmptyState>
              ) : (
              <DataTable
                caption={t("deliveriesCaption", { name: c.name })}
                headers={[t("deliveryHeaders.event"), t("deliveryHeaders.status"), t("deliveryHeaders.attempts"), t("deliveryHeaders.lastAttempt"), t("deliveryHeaders.when")]}
              >
                {c.deliveries.map((d) => {
                  const last = d.log[0];
                  return (
                    <tr key={d.id}>
                      <Td>{d.event}</Td>
                      <Td>{a(`deliveryStatus.${d.status}`)}</Td>
                      <Td>{d.attempts}</Td>
                      <Td>{last ? `${last.ok ? t("attemptOk") : t("attemptFailed")}${last.httpStatus ? ` · HTTP ${last.httpStatus}` : ""} · ${last.latencyMs} ms${last.error ? ` · ${last.error}` : ""}` : t("waiting")}</Td>
                      <Td>{t("time", { time: d.createdAt.toISOString().slice(11, 19) })}</Td>
                    </tr>
                  );
                })}
              </DataTable>
              )}
            </section>
          </Card>
        ))}
      </section>
    </div>
  );
}
