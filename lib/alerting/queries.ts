import { db } from "@/lib/db";
import type { AlertKind, ChannelKind, DeliveryStatus } from "@/generated/prisma/enums";

/** A timestamp column as json_build_object writes it (UTC without the zone). */
const utcTimestamp = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);

type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
interface Attempt { id: string; ok: boolean; httpStatus: number | null; latencyMs: number; error: string | null; at: Date }
interface DeliveryView { id: string; event: string; status: DeliveryStatus; attempts: number; createdAt: Date; log: Attempt[] }
interface ChannelView { id: string; kind: ChannelKind; name: string; enabled: boolean; emails: string[]; urlHint: string | null; deliveries: DeliveryView[] }
interface RuleView { id: string; workspaceId: string; kind: AlertKind; threshold: number | null; channelIds: string[]; enabled: boolean; createdAt: Date }

interface AlertingRow {
  channels: (Omit<ChannelView, "deliveries"> & { deliveries: (Jsonified<Omit<DeliveryView, "log">> & { log: Jsonified<Attempt>[] })[] })[];
  rules: Jsonified<RuleView>[];
}

/**
 * Everything the Alerting page shows, in one statement: the channels (oldest first), each with its last 10
 * deliveries and their attempts (newest first), and the rules. Never a channel's URL or signing secret.
 */
export async function alertingOverview(workspaceId: string): Promise<{ channels: ChannelView[]; rules: RuleView[] }> {
  const [row] = await db().$queryRaw<AlertingRow[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name, 'enabled', ch.enabled, 'emails', ch.emails,
           'urlHint', ch."urlHint", 'deliveries', (SELECT coalesce(json_agg(d ORDER BY d."createdAt" DESC, d.id DESC), '[]'::json) FROM (
              SELECT dl.id, dl.event, dl.status, dl.attempts, dl."createdAt",
                (SELECT coalesce(json_agg(json_build_object('id', a.id, 'ok', a.ok, 'httpStatus', a."httpStatus", 'latencyMs', a."latencyMs",
                          'error', a.error, 'at', a.at) ORDER BY a.at DESC, a.id DESC), '[]'::json)
                   FROM "DeliveryAttempt" a WHERE a."deliveryId" = dl.id) AS log
              FROM "Delivery" dl WHERE dl."channelId" = ch.id AND dl."workspaceId" = ${workspaceId}
              ORDER BY dl."createdAt" DESC, dl.id DESC LIMIT 10) d)) ORDER BY ch."createdAt", ch.id), '[]'::json)
         FROM "NotificationChannel" ch WHERE ch."workspaceId" = ${workspaceId}) AS channels,
      (SELECT coalesce(json_agg(r ORDER BY r."createdAt", r.id), '[]'::json) FROM (
         SELECT id, "workspaceId", kind, threshold, "channelIds", enabled, "createdAt" FROM "AlertRule" WHERE "workspaceId" = ${workspaceId}) r) AS rules`;
  const channels = (row?.channels ?? []).map((channel) => ({
    ...channel,
    deliveries: channel.deliveries.map((d) => ({
      ...d,
      createdAt: utcTimestamp(d.createdAt),
      log: d.log.map((a) => ({ ...a, at: utcTimestamp(a.at) })),
    })),
  }));
  const rules = (row?.rules ?? []).map((r) => ({ ...r, createdAt: utcTimestamp(r.createdAt) }));
  return { channels, rules };
}
