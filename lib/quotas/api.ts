import { z } from "zod";
import { apiRead } from "@/lib/authz/api";
import { db } from "@/lib/db";
import { QUOTA_LABEL } from "@/lib/billing/plans";
import { quotaLimits, quotaUsage } from "./queries";
import { QUOTA_RESOURCES } from "./resources";

const QuotaBody = z
  .object({ resource: z.enum(QUOTA_RESOURCES), label: z.string(), limit: z.number().int(), used: z.number().int() })
  .meta({ id: "Quota" });

export const quotasApi = [
  apiRead(
    {
      name: "api.quotas.list",
      path: "/quotas",
      tag: "Quotas",
      summary: "Quotas and usage",
      description: "Each resource's limit (the plan's, or one an operator approved) and how much of it is used.",
      permission: "workspace.read",
      response: z.object({ data: z.array(QuotaBody) }).meta({ id: "Quotas" }),
    },
    async (ctx) => {
      const [limits, usage] = await Promise.all([quotaLimits(db(), ctx.workspace.id, ctx.workspace.plan), quotaUsage(db(), ctx.workspace.id)]);
      return { data: QUOTA_RESOURCES.map((resource) => ({ resource, label: QUOTA_LABEL[resource], limit: limits[resource], used: usage[resource] })) };
    },
  ),
];
