import { z } from "zod";
import { apiRead, apiWrite } from "@/lib/authz/api";
import { ROLES } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { cutPage, pageOf, PageQuery, pastTimeCursor, timeCursor } from "@/lib/api/pagination";
import { emailState } from "@/lib/email/outbox";
import { recordId, text } from "@/lib/schemas";
import { INVITABLE_ROLES, MAX_INVITES_AT_ONCE } from "./schemas";
import { createInvitations, revokeInvitation } from "./service";

export const InvitationBody = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
    lastSentAt: z.date().nullable(),
    sendError: z.string().nullable().meta({ description: "Why the last email failed, if it did." }),
    emailStatus: z
      .enum(["sending", "sent", "retrying", "failed"])
      .nullable()
      .meta({ description: "Where the latest invitation email stands: queued or being sent, sent, failed and retrying, or failed for good (send it again)." }),
  })
  .meta({ id: "Invitation" });

const InviteResultBody = z
  .object({
    email: z.string(),
    outcome: z.enum(["invited", "already_member", "already_invited", "invalid", "seat_limit", "rate_limited"]),
    message: z.string(),
  })
  .meta({ id: "InviteResult" });

export const inviteRequest = z
  .object({
    emails: z
      .array(text().trim().max(320, "An email address has at most 320 characters"))
      .min(1, "Give at least one email address")
      .max(MAX_INVITES_AT_ONCE, `Invite at most ${MAX_INVITES_AT_ONCE} people at once`),
    role: z.enum(INVITABLE_ROLES, { message: "Choose a role: ADMIN, DEVELOPER or VIEWER" }),
  })
  .meta({ id: "InviteRequest" });

export const invitationsApi = [
  apiRead(
    {
      name: "api.invitations.list",
      path: "/invitations",
      tag: "Invitations",
      summary: "List pending invitations",
      description: "Invitations not yet accepted, declined or revoked (expired ones included, newest first).",
      permission: "members.invite",
      query: PageQuery,
      response: pageOf(InvitationBody, "InvitationPage"),
    },
    async (ctx, { query }) => {
      const rows = await db().invitation.findMany({
        where: {
          workspaceId: ctx.workspace.id,
          acceptedAt: null,
          revokedAt: null,
          declinedAt: null,
          ...pastTimeCursor(query.cursor, "desc"),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: query.limit + 1,
        select: {
          id: true,
          email: true,
          role: true,
          createdAt: true,
          expiresAt: true,
          lastSentAt: true,
          sendError: true,
          invitedBy: { select: { id: true, name: true } },
          emails: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, attempts: true } },
        },
      });
      const page = cutPage(rows, query.limit, timeCursor);
      return { ...page, data: page.data.map(({ emails, ...i }) => ({ ...i, emailStatus: emails[0] ? emailState(emails[0]) : null })) };
    },
  ),
  apiWrite(
    {
      name: "api.invitations.create",
      method: "POST",
      path: "/invitations",
      tag: "Invitations",
      summary: "Invite people by email",
      description:
        "Each address gets its own outcome (invited, already a member, no seat left…). The emails are queued with the invitations and sent, with retries, by the mail worker: `emailStatus` in the invitation list says where each stands. Send an Idempotency-Key to retry safely.",
      permission: "members.invite",
      body: inviteRequest,
      response: z.object({ results: z.array(InviteResultBody) }).meta({ id: "InviteResults" }),
      status: 201,
    },
    (ctx, { body }) => createInvitations(ctx, { emails: body.emails.join("\n"), role: body.role }),
  ),
  apiWrite(
    {
      name: "api.invitations.revoke",
      method: "DELETE",
      path: "/invitations/{invitationId}",
      tag: "Invitations",
      summary: "Revoke an invitation",
      description: "Its link stops working at once.",
      permission: "members.invite",
      params: z.object({ invitationId: recordId() }),
      response: null,
      status: 204,
    },
    async (ctx, { params }) => {
      await revokeInvitation(ctx, params.invitationId);
    },
  ),
];
