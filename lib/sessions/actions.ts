"use server";

import { userAction } from "@/lib/authz";
import { Refusal } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security-log/service";
import { NoInputSchema, SessionIdSchema } from "./schemas";
import { revokeOtherSessions, revokeSession } from "./service";

export const revokeSessionAction = userAction({ name: "sessions.revoke", input: SessionIdSchema }, async (ctx, input) => {
  if (input.sessionId === ctx.sessionId) throw new Refusal("CONFLICT", "That is this browser: sign out instead.");
  if (!(await revokeSession(ctx.tx, ctx.userId, input.sessionId))) throw Refusal.notFound("That session");
  await recordSecurityEvent({ userId: ctx.userId, kind: "session_revoked", ip: ctx.ip, userAgent: ctx.userAgent, metadata: { sessionId: input.sessionId } }, ctx.tx);
});

export const signOutEverywhereAction = userAction({ name: "sessions.revokeOthers", input: NoInputSchema }, async (ctx) => {
  const revoked = await revokeOtherSessions(ctx.tx, ctx.userId, ctx.sessionId);
  await recordSecurityEvent({ userId: ctx.userId, kind: "sessions_revoked", ip: ctx.ip, userAgent: ctx.userAgent, metadata: { count: revoked } }, ctx.tx);
  return { revoked };
});
