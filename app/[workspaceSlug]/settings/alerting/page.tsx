import type { Metadata } from "next";
import { AlertRuleForm, ChannelControls, ChannelForm, DeleteRuleButton } from "@/components/settings/alerting";
import { Badge, Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { ALERT_LABEL } from "@/lib/alerting/schemas";
import { alertingOverview } from "@/lib/alerting/service";
import { plainHttpAllowedSomewhere } from "@/lib/outbound";
import { requireMember, requirePermission } from "@/lib/authz";
import { formatMinor } from "@/lib/billing/money";

export const metadata: Metadata = { title: "Alerting" };

export default async function AlertingPage({ params }: PageProps<"/[workspaceSlug]/settings/alerting">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "alerts.manage");
  const slug = ctx.workspace.slug;
  const { channels, rules } = await alertingOverview(ctx.workspace.id);
  const allowPlainHttp = plainHttpAllowedSomewhere();
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <div className="space-y-6">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Add a channel</h2>
          <div className="mt-3"><ChannelForm slug={slug} allowPlainHttp={allowPlainHttp} /></div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Add a rule</h2>
          {channels.length === 0 ? <p className="mt-2 text-sm text-gray-700">Add a channel first.</p> : <div className="mt-3"><AlertRuleForm slug={slug} channels={channels} /></div>}
        </Card>
      </div>
      <section aria-labelledby="rules-heading" className="space-y-2">
        <h2 id="rules-heading" className="text-lg font-semibold">Rules</h2>
        <DataTable caption="Alert rules" headers={["When", "Threshold", "Channels", ""]}>
          {rules.map((r) => (
            <tr key={r.id}>
              <Td>{ALERT_LABEL[r.kind]}</Td>
              <Td>{r.threshold === null ? "—" : r.kind === "BALANCE_BELOW" ? formatMinor(r.threshold) : `${r.threshold}%`}</Td>
              <Td>{r.channelIds.map((id) => channelName.get(id) ?? "deleted channel").join(", ")}</Td>
              <Td className="text-right"><DeleteRuleButton slug={slug} ruleId={r.id} label={ALERT_LABEL[r.kind]} /></Td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="channels-heading" className="space-y-3">
        <h2 id="channels-heading" className="text-lg font-semibold">Channels</h2>
        {channels.map((c) => (
          <Card key={c.id}>
            <section aria-label={`Channel ${c.name}`} className="space-y-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{c.name}</h3>
                <Badge>{c.kind.toLowerCase()}</Badge>
                {!c.enabled ? <Badge className="bg-amber-100 text-amber-900">disabled</Badge> : null}
                <span className="text-sm text-gray-700">{c.kind === "EMAIL" ? c.emails.join(", ") : c.urlHint}</span>
              </div>
              <ChannelControls slug={slug} allowPlainHttp={allowPlainHttp} channel={c} />
              <DataTable caption={`Deliveries to ${c.name}`} headers={["Event", "Status", "Attempts", "Last attempt", "When"]}>
                {c.deliveries.map((d) => {
                  const last = d.log[0];
                  return (
                    <tr key={d.id}>
                      <Td>{d.event}</Td>
                      <Td>{d.status.toLowerCase()}</Td>
                      <Td>{d.attempts}</Td>
                      <Td>{last ? `${last.ok ? "ok" : "failed"}${last.httpStatus ? ` · HTTP ${last.httpStatus}` : ""} · ${last.latencyMs} ms${last.error ? ` · ${last.error}` : ""}` : "waiting"}</Td>
                      <Td>{d.createdAt.toISOString().slice(11, 19)} UTC</Td>
                    </tr>
                  );
                })}
              </DataTable>
            </section>
          </Card>
        ))}
      </section>
    </div>
  );
}
