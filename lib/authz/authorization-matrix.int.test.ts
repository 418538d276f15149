import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  changePasswordAction,
  confirmEmailChangeAction,
  requestEmailChangeAction,
  requestPasswordResetAction,
  resendVerificationAction,
  resetPasswordAction,
  setLocalePreferenceAction,
  setThemePreferenceAction,
  signInAction,
  signOutAction,
  signUpAction,
  verifyEmailAction,
} from "@/lib/accounts/actions";
import { issueAccountToken } from "@/lib/accounts/service";
import { hashPassword } from "@/lib/auth/password";
import { makeUser } from "@/tests/support/factories";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/invitations/actions";
import { connectAsUserAction, createBackupAction, createInstanceAction, deleteBackupAction, deleteInstanceAction, openIdeAction, restartInstanceAction, restoreBackupAction, startInstanceAction, stopInstanceAction, updateInstanceSettingsAction } from "@/lib/resources/actions";
import { downloadBackupRoute as downloadBackup, instanceParentsRoute } from "@/lib/resources/routes";
import { createProjectAction, deleteProjectAction, mergeBranchesAction } from "@/lib/resources/actions";
import { deleteSecretAction, setSecretAction } from "@/lib/secrets/actions";
import { createServerAction, deleteServerAction } from "@/lib/resources/actions";
import { changeMemberRoleAction, leaveWorkspaceAction, removeMemberAction, transferOwnershipAction, updateMemberPermissionsAction } from "@/lib/members/actions";
import { copyInviteLinkAction, inviteMembersAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";
import {
  assignMemberRoleAction,
  assignTeamRoleAction,
  createCustomRoleAction,
  deleteCustomRoleAction,
  unassignMemberRoleAction,
  unassignTeamRoleAction,
  updateCustomRoleAction,
} from "@/lib/roles/actions";
import { addTeamMemberAction, createTeamAction, deleteTeamAction, removeTeamMemberAction, updateTeamPermissionsAction } from "@/lib/teams/actions";
import { createWorkspaceAction, setDefaultWorkspaceAction } from "@/lib/workspaces/actions";
import { decideQuotaRequestAction } from "@/lib/quotas/actions";
import { approveAccessRequestAction, cancelAccessRequestAction, denyAccessRequestAction, requestAccessAction, revokeAccessRequestAction } from "@/lib/access-requests/actions";
import { stripeWebhookRoute as stripeWebhook } from "@/lib/billing/routes";
import { benchQueryCountRoute as benchQueryCount } from "@/lib/db/routes";
import { listWorkspacesRoute as listWorkspaces } from "@/lib/workspaces/routes";
import { memberPermissionChoicesRoute as memberPermissionChoices } from "@/lib/members/routes";
import { teamGrantOptionsRoute } from "@/lib/teams/routes";
import { workspaceLogoRoute as workspaceLogo } from "@/lib/workspaces/routes";
import { exportAuditRoute as exportAudit } from "@/lib/audit/routes";
import { cancelScheduledChangeAction, changePlanAction, topUpAction, updateBillingDetailsAction } from "@/lib/billing/actions";
import { exportTransactionsRoute as exportTransactions, invoicePdfRoute as invoicePdf } from "@/lib/billing/routes";
import { deleteWorkspaceAction, removeLogoAction, renameSlugAction, restoreWorkspaceAction, setColorAction, updateGeneralAction, uploadLogoAction } from "@/lib/workspaces/actions";
import { exportWorkspaceRoute as exportWorkspace } from "@/lib/workspaces/routes";
import { requestQuotaAction } from "@/lib/quotas/actions";
import { createAlertRuleAction, deleteAlertRuleAction, deleteChannelAction, saveChannelAction, sendTestAlertAction, toggleChannelAction } from "@/lib/alerting/actions";
import { removeAiKeyAction, saveAiSettingsAction, testAiConnectionAction } from "@/lib/ai/actions";
import { db } from "@/lib/db";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { apiHandlers } from "@/lib/api/v1/router";
import { apiReferenceLabelsRoute, apiReferenceRoute, apiReferenceScriptRoute, openApiRoute } from "@/lib/api/v1/routes";
import { revokeSessionAction, signOutEverywhereAction } from "@/lib/sessions/actions";
import { createSession } from "@/lib/sessions/service";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorSetupAction } from "@/lib/two-factor/actions";
import { setRequireTwoFactorAction } from "@/lib/workspaces/actions";
import { enableTwoFactor, resetTwoFactor, startTwoFactor, totpCode } from "@/tests/support/two-factor";
import type { ActionResult } from "@/lib/errors";
import { discoverEndpoints } from "@/tests/support/discover";
import { actAs, testSession } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { CALLERS, invitationFor, makePeople, makeWorld, TINY_PNG, type Caller, type People, type World } from "@/tests/support/world";
import { forged } from "@/tests/support/forged";

type Outcome = ActionResult<unknown> | Response;
interface Call {
  people: People;
  caller: Caller;
}
interface Row {
  /** Who must succeed; everyone else must be refused and write nothing. */
  allowed: readonly Caller[];
  /** Set-up the call needs, done before the "wrote nothing" snapshot; its result reaches `call`. */
  prepare?: (w: World, c: Call) => Promise<string>;
  call: (w: World, c: Call, prepared?: string) => Promise<Outcome>;
  /** The same call with ids from another workspace: must answer not found and write nothing. */
  foreign?: (w: World, other: World) => Promise<Outcome>;
}

const GRANTED = ["developerWithGrant", "admin", "owner"] as const;
const STAFF = ["admin", "owner"] as const;
const SIGNED_IN = CALLERS.filter((c) => c !== "anonymous");
const NOBODY = [] as const;
const unique = () => randomBytes(3).toString("hex");
const grantInput = (w: World) => ({ actions: ["logs.view" as const], projectIds: [w.project.id], instanceIds: [], serverIds: [] });
const inviteeEmail = ({ people, caller }: Call) => (caller === "anonymous" ? "anon@test.example" : people[caller].email);
const MEMBERS = ["viewer", "developer", "developerWithGrant", "developerWithGrantElsewhere", "admin", "owner"] as const;
const workspaceGet = (handler: typeof workspaceLogo, w: World, path: string) =>
  handler(new Request(`http://app.test/${w.workspace.slug}/${path}`), { params: Promise.resolve({ workspaceSlug: w.workspace.slug }) });
const logoForm = () => {
  const form = new FormData();
  form.set("logo", new File([new Uint8Array(TINY_PNG)], "logo.png", { type: "image/png" }));
  return form;
};
/** Empties the world of what blocks deleting a workspace, before the snapshot. */
const emptyWorld = async (w: World) => {
  await db().instance.deleteMany({ where: { workspaceId: w.workspace.id } });
  await db().project.deleteMany({ where: { workspaceId: w.workspace.id } });
  await db().server.deleteMany({ where: { workspaceId: w.workspace.id } });
  await db().secret.deleteMany({ where: { workspaceId: w.workspace.id } });
  return "";
};
/**
 * Marks the world deleted (restorable for a day), before the snapshot. Restoring asks the owner's plan
 * again, and every earlier world of this file is theirs too: those, done with, go first.
 */
const deletedWorld = async (w: World, c: Call) => {
  await db().workspace.deleteMany({
    where: { id: { not: w.workspace.id }, kind: { not: "PERSONAL" }, memberships: { some: { userId: c.people.owner.id, role: "OWNER" } } },
  });
  await db().workspace.update({ where: { id: w.workspace.id }, data: { deletedAt: new Date(), purgeAfter: new Date(Date.now() + 86_400_000) } });
  return "";
};
const download = (w: World, instanceId: string, backupId: string) =>
  downloadBackup(new Request(`http://app.test/${w.workspace.slug}/instances/${instanceId}/backups/${backupId}/download`), {
    params: Promise.resolve({ workspaceSlug: w.workspace.slug, instanceId, backupId }),
  });

const invoiceDownload = (w: World, invoiceId: string) =>
  invoicePdf(new Request(`http://app.test/${w.workspace.slug}/settings/billing/invoices/${invoiceId}`), {
    params: Promise.resolve({ workspaceSlug: w.workspace.slug, invoiceId }),
  });
/** A downgrade waiting for the period's end, before the snapshot: "Keep Pro" has something to drop. */
const scheduledDowngrade = async (w: World) => {
  const start = new Date();
  await db().subscription.create({
    data: { workspaceId: w.workspace.id, currentPeriodStart: start, currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000), scheduledPlan: "STARTER" },
  });
  return "";
};

const permissionChoices = (w: World, membershipId: string) =>
  memberPermissionChoices(new Request(`http://app.test/${w.workspace.slug}/settings/members/${membershipId}/permissions`), {
    params: Promise.resolve({ workspaceSlug: w.workspace.slug, membershipId }),
  });

let clients = 0;
/** Account mail is limited per client address: each call that sends some comes from an address of its own. */
const freshClient = async () => {
  clients += 1;
  testSession.ip = `10.77.${clients >> 8}.${clients & 255}`;
  return "";
};
const KNOWN_PASSWORD = "matrix password 1234";
let knownPasswordHash: Promise<string> | undefined;
/** The people's accounts have an unusable password; these actions need the caller to confirm theirs. */
const withKnownPassword = async (_w: World, c: Call) => {
  if (c.caller !== "anonymous") {
    knownPasswordHash ??= hashPassword(KNOWN_PASSWORD);
    await db().user.update({ where: { id: c.people[c.caller].id }, data: { passwordHash: await knownPasswordHash } });
  }
  return freshClient();
};
/** Accepting an invitation verifies the address (another row may have); "Send again" needs one that is not. */
const unverified = async (_w: World, c: Call) => {
  if (c.caller !== "anonymous") await db().user.update({ where: { id: c.people[c.caller].id }, data: { emailVerifiedAt: null } });
  return freshClient();
};
/** A live emailed link of a fresh account's, so each caller has one of its own to use. */
const liveAccountLink = async (purpose: "VERIFY_EMAIL" | "RESET_PASSWORD" | "CHANGE_EMAIL") => {
  await freshClient();
  const holder = await makeUser("Link Holder");
  const email = purpose === "CHANGE_EMAIL" ? `moved-${unique()}@test.example` : holder.email;
  const { link } = await issueAccountToken(db(), { userId: holder.id, purpose, email, origin: "http://app.test" });
  return link.slice(link.lastIndexOf("/") + 1);
};

/** Each caller's own second factor, in the state the row's action starts from; returns a current code. */
const withoutTwoFactor = async (_w: World, c: Call) => {
  if (c.caller !== "anonymous") await resetTwoFactor(c.people[c.caller].id);
  return "";
};
const twoFactorPending = async (_w: World, c: Call) => (c.caller === "anonymous" ? "123456" : totpCode(await startTwoFactor(c.people[c.caller].id)));
const twoFactorOn = async (_w: World, c: Call) => (c.caller === "anonymous" ? "123456" : totpCode((await enableTwoFactor(c.people[c.caller].id)).secret));

/** One row per server action and route handler. A new endpoint without a row fails the suite. */
const MATRIX: Record<string, Row> = {
  // Public: these run Auth.js's sign-in, which needs a real request; here they prove bad input is refused.
  "auth.signIn": { allowed: NOBODY, call: () => signInAction({ email: "nope", password: "" }) },
  "auth.signOut": { allowed: NOBODY, call: () => signOutAction(forged({ callbackUrl: 42 })) },
  // Without an invitation, sign-up signs nobody in and answers alike for any address: anyone may ask.
  "auth.signUp": {
    allowed: CALLERS,
    prepare: freshClient,
    call: () => signUpAction({ name: "New Person", email: `new-${unique()}@test.example`, password: "a long enough password" }),
  },
  // Emailed account links: the token is the proof, whoever opens it (signed in as anyone, or not at all).
  "auth.requestPasswordReset": { allowed: CALLERS, prepare: freshClient, call: (_w, c) => requestPasswordResetAction({ email: inviteeEmail(c) }) },
  "auth.resetPassword": {
    allowed: CALLERS,
    prepare: () => liveAccountLink("RESET_PASSWORD"),
    call: (_w, _c, token) => resetPasswordAction({ token: token!, password: "a brand new password" }),
  },
  "auth.verifyEmail": { allowed: CALLERS, prepare: () => liveAccountLink("VERIFY_EMAIL"), call: (_w, _c, token) => verifyEmailAction({ token: token! }) },
  "account.confirmEmailChange": {
    allowed: CALLERS,
    prepare: () => liveAccountLink("CHANGE_EMAIL"),
    call: (_w, _c, token) => confirmEmailChangeAction({ token: token! }),
  },
  // A person's own account: anyone signed in, on their own account only (the actions take no account id).
  "account.changePassword": {
    allowed: SIGNED_IN,
    prepare: withKnownPassword,
    call: () => changePasswordAction({ currentPassword: KNOWN_PASSWORD, newPassword: "another known password" }),
  },
  "account.requestEmailChange": {
    allowed: SIGNED_IN,
    prepare: withKnownPassword,
    call: () => requestEmailChangeAction({ newEmail: `moved-${unique()}@test.example`, password: KNOWN_PASSWORD }),
  },
  "account.resendVerification": { allowed: SIGNED_IN, prepare: unverified, call: () => resendVerificationAction({}) },
  // The caller's own theme (the action takes no account id).
  "account.setTheme": { allowed: SIGNED_IN, call: () => setThemePreferenceAction({ theme: "DARK" }) },
  "account.setLocale": { allowed: SIGNED_IN, call: () => setLocalePreferenceAction({ locale: "de" }) },

  "workspace.create": { allowed: SIGNED_IN, call: () => createWorkspaceAction({ name: "New", slug: `new-${unique()}`, kind: "PROJECT" }) },
  // Lists only the caller's own workspaces (workspaces.int.test.ts checks whose), so anyone signed in may ask.
  "workspaces.list": { allowed: SIGNED_IN, call: () => listWorkspaces(new Request("http://app.test/api/workspaces")) },
  // A person's own browsers: each signed-in caller revokes a session of theirs; another person's is not found.
  "sessions.revoke": {
    allowed: SIGNED_IN,
    prepare: async (_w, c) => (c.caller === "anonymous" ? "no-session" : createSession(c.people[c.caller].id, { ip: null, userAgent: null })),
    call: (_w, _c, sessionId) => revokeSessionAction({ sessionId: sessionId! }),
    foreign: (_w, o) => revokeSessionAction({ sessionId: o.ownerSession }),
  },
  "sessions.revokeOthers": { allowed: SIGNED_IN, call: () => signOutEverywhereAction({}) },
  // A person's own second factor: each signed-in caller sets up, confirms, renews and turns off their own.
  "twoFactor.startSetup": { allowed: SIGNED_IN, prepare: withoutTwoFactor, call: () => startTwoFactorSetupAction({}) },
  "twoFactor.confirm": { allowed: SIGNED_IN, prepare: twoFactorPending, call: (_w, _c, code) => confirmTwoFactorAction({ code: code! }) },
  "twoFactor.regenerateRecoveryCodes": { allowed: SIGNED_IN, prepare: twoFactorOn, call: (_w, _c, code) => regenerateRecoveryCodesAction({ code: code! }) },
  "twoFactor.disable": { allowed: SIGNED_IN, prepare: twoFactorOn, call: (_w, _c, code) => disableTwoFactorAction({ proof: code! }) },
  "workspace.setDefault": {
    allowed: SIGNED_IN.filter((c) => c !== "nonMember"),
    call: (w) => setDefaultWorkspaceAction({ workspaceId: w.workspace.id }),
    foreign: (_w, o) => setDefaultWorkspaceAction({ workspaceId: o.workspace.id }),
  },
  "invitation.accept": {
    allowed: ["nonMember"],
    prepare: (w, c) => invitationFor(w, inviteeEmail(c)),
    call: (_w, _c, token) => acceptInvitationAction({ token: token! }),
  },
  "invitation.decline": {
    allowed: SIGNED_IN,
    prepare: (w, c) => invitationFor(w, inviteeEmail(c)),
    call: (_w, _c, token) => declineInvitationAction({ token: token! }),
  },

  "members.invite": { allowed: STAFF, call: (w) => inviteMembersAction(w.workspace.slug, { emails: `new-${unique()}@test.example`, role: "VIEWER" }) },
  "invitations.resend": {
    allowed: STAFF,
    call: (w) => resendInvitationAction(w.workspace.slug, { invitationId: w.invitation.id }),
    foreign: (w, o) => resendInvitationAction(w.workspace.slug, { invitationId: o.invitation.id }),
  },
  "invitations.revoke": {
    allowed: STAFF,
    call: (w) => revokeInvitationAction(w.workspace.slug, { invitationId: w.invitation.id }),
    foreign: (w, o) => revokeInvitationAction(w.workspace.slug, { invitationId: o.invitation.id }),
  },
  "invitations.copyLink": {
    allowed: STAFF,
    call: (w) => copyInviteLinkAction(w.workspace.slug, { invitationId: w.invitation.id }),
    foreign: (w, o) => copyInviteLinkAction(w.workspace.slug, { invitationId: o.invitation.id }),
  },
  "members.changeRole": {
    allowed: STAFF,
    call: (w) => changeMemberRoleAction(w.workspace.slug, { membershipId: w.m.target.id, role: "VIEWER" }),
    foreign: (w, o) => changeMemberRoleAction(w.workspace.slug, { membershipId: o.m.target.id, role: "VIEWER" }),
  },
  "members.remove": {
    allowed: STAFF,
    call: (w) => removeMemberAction(w.workspace.slug, { membershipId: w.m.target.id }),
    foreign: (w, o) => removeMemberAction(w.workspace.slug, { membershipId: o.m.target.id }),
  },
  // Anyone may leave, except the owner, who must hand the workspace over first.
  "members.leave": { allowed: ["viewer", "developer", "developerWithGrant", "developerWithGrantElsewhere", "admin"], call: (w) => leaveWorkspaceAction(w.workspace.slug, {}) },
  "workspace.transferOwnership": {
    allowed: ["owner"],
    call: (w) => transferOwnershipAction(w.workspace.slug, { membershipId: w.m.target.id, confirmSlug: w.workspace.slug }),
    foreign: (w, o) => transferOwnershipAction(w.workspace.slug, { membershipId: o.m.target.id, confirmSlug: w.workspace.slug }),
  },
  "members.permissionChoices": {
    allowed: STAFF,
    call: (w) => permissionChoices(w, w.m.target.id),
    foreign: (w, o) => permissionChoices(w, o.m.target.id),
  },
  "members.updatePermissions": {
    allowed: STAFF,
    call: (w) => updateMemberPermissionsAction(w.workspace.slug, { membershipId: w.m.target.id, ...grantInput(w) }),
    foreign: (w, o) => updateMemberPermissionsAction(w.workspace.slug, { membershipId: o.m.target.id, ...grantInput(w) }),
  },

  "roles.create": {
    allowed: STAFF,
    call: (w) => createCustomRoleAction(w.workspace.slug, { name: `role ${unique()}`, description: "", ...grantInput(w) }),
  },
  "roles.update": {
    allowed: STAFF,
    call: (w) => updateCustomRoleAction(w.workspace.slug, { customRoleId: w.customRole.id, name: "Operator", description: "Restarts", ...grantInput(w) }),
    foreign: (w, o) => updateCustomRoleAction(w.workspace.slug, { customRoleId: o.customRole.id, name: "Operator", description: "", ...grantInput(w) }),
  },
  "roles.delete": {
    allowed: STAFF,
    call: (w) => deleteCustomRoleAction(w.workspace.slug, { customRoleId: w.customRole.id }),
    foreign: (w, o) => deleteCustomRoleAction(w.workspace.slug, { customRoleId: o.customRole.id }),
  },
  "roles.assignMember": {
    allowed: STAFF,
    call: (w) => assignMemberRoleAction(w.workspace.slug, { customRoleId: w.customRole.id, membershipId: w.m.target.id, expiry: "24h" }),
    foreign: (w, o) => assignMemberRoleAction(w.workspace.slug, { customRoleId: o.customRole.id, membershipId: w.m.target.id, expiry: "never" }),
  },
  "roles.unassignMember": {
    allowed: STAFF,
    prepare: async (w) => {
      await db().memberCustomRole.create({ data: { customRoleId: w.customRole.id, membershipId: w.m.target.id } });
      return "";
    },
    call: (w) => unassignMemberRoleAction(w.workspace.slug, { customRoleId: w.customRole.id, membershipId: w.m.target.id }),
    foreign: (w, o) => unassignMemberRoleAction(w.workspace.slug, { customRoleId: o.customRole.id, membershipId: o.m.target.id }),
  },
  "roles.assignTeam": {
    allowed: STAFF,
    call: (w) => assignTeamRoleAction(w.workspace.slug, { customRoleId: w.customRole.id, teamId: w.team.id, expiry: "7d" }),
    foreign: (w, o) => assignTeamRoleAction(w.workspace.slug, { customRoleId: w.customRole.id, teamId: o.team.id, expiry: "never" }),
  },
  "roles.unassignTeam": {
    allowed: STAFF,
    prepare: async (w) => {
      await db().teamCustomRole.create({ data: { customRoleId: w.customRole.id, teamId: w.team.id } });
      return "";
    },
    call: (w) => unassignTeamRoleAction(w.workspace.slug, { customRoleId: w.customRole.id, teamId: w.team.id }),
    foreign: (w, o) => unassignTeamRoleAction(w.workspace.slug, { customRoleId: o.customRole.id, teamId: o.team.id }),
  },

  "teams.create": { allowed: STAFF, call: (w) => createTeamAction(w.workspace.slug, { name: `team ${unique()}` }) },
  "teams.delete": {
    allowed: STAFF,
    call: (w) => deleteTeamAction(w.workspace.slug, { teamId: w.team.id }),
    foreign: (w, o) => deleteTeamAction(w.workspace.slug, { teamId: o.team.id }),
  },
  "teams.addMember": {
    allowed: STAFF,
    call: (w) => addTeamMemberAction(w.workspace.slug, { teamId: w.team.id, membershipId: w.m.target.id }),
    foreign: (w, o) => addTeamMemberAction(w.workspace.slug, { teamId: w.team.id, membershipId: o.m.target.id }),
  },
  "teams.removeMember": {
    allowed: STAFF,
    call: (w) => removeTeamMemberAction(w.workspace.slug, { teamId: w.team.id, membershipId: w.m.viewer.id }),
    foreign: (w, o) => removeTeamMemberAction(w.workspace.slug, { teamId: o.team.id, membershipId: o.m.viewer.id }),
  },
  "teams.grantOptions": {
    allowed: STAFF,
    call: (w) =>
      teamGrantOptionsRoute(new Request(`http://app.test/${w.workspace.slug}/settings/teams/grant-options`), {
        params: Promise.resolve({ workspaceSlug: w.workspace.slug }),
      }),
  },
  "teams.updatePermissions": {
    allowed: STAFF,
    call: (w) => updateTeamPermissionsAction(w.workspace.slug, { teamId: w.team.id, roleFloor: "NONE", ...grantInput(w) }),
    foreign: (w, o) => updateTeamPermissionsAction(w.workspace.slug, { teamId: w.team.id, roleFloor: "NONE", ...grantInput(o) }),
  },

  "projects.create": {
    allowed: STAFF,
    call: (w) => createProjectAction(w.workspace.slug, { name: `p-${unique()}`, repositoryUrl: "https://example.test/x", branches: "main" }),
  },
  "projects.delete": {
    allowed: STAFF,
    call: (w) => deleteProjectAction(w.workspace.slug, { projectId: w.emptyProject.id }),
    foreign: (w, o) => deleteProjectAction(w.workspace.slug, { projectId: o.emptyProject.id }),
  },
  "projects.merge": {
    allowed: GRANTED,
    call: (w) => mergeBranchesAction(w.workspace.slug, { projectId: w.project.id, sourceBranch: "develop", targetBranch: "main" }),
    foreign: (w, o) => mergeBranchesAction(w.workspace.slug, { projectId: o.project.id, sourceBranch: "develop", targetBranch: "main" }),
  },
  "servers.create": { allowed: STAFF, call: (w) => createServerAction(w.workspace.slug, { name: `s-${unique()}`, region: "eu-west-1", address: "10.9.9.9" }) },
  "servers.delete": {
    allowed: STAFF,
    call: (w) => deleteServerAction(w.workspace.slug, { serverId: w.emptyServer.id }),
    foreign: (w, o) => deleteServerAction(w.workspace.slug, { serverId: o.emptyServer.id }),
  },
  "instances.parents": {
    allowed: STAFF,
    call: (w) =>
      instanceParentsRoute(new Request(`http://app.test/${w.workspace.slug}/instances/parents`), {
        params: Promise.resolve({ workspaceSlug: w.workspace.slug }),
      }),
  },
  "instances.create": {
    allowed: STAFF,
    call: (w) => createInstanceAction(w.workspace.slug, { name: `i-${unique()}`, projectId: w.project.id, serverId: w.server.id, environment: "DEVELOPMENT" }),
    foreign: (w, o) => createInstanceAction(w.workspace.slug, { name: `i-${unique()}`, projectId: o.project.id, serverId: o.server.id, environment: "DEVELOPMENT" }),
  },
  "instances.restart": {
    allowed: GRANTED,
    call: (w) => restartInstanceAction(w.workspace.slug, { instanceId: w.instance.id, mode: "soft" }),
    foreign: (w, o) => restartInstanceAction(w.workspace.slug, { instanceId: o.instance.id, mode: "hard" }),
  },
  "instances.stop": {
    allowed: GRANTED,
    call: (w) => stopInstanceAction(w.workspace.slug, { instanceId: w.instance.id }),
    foreign: (w, o) => stopInstanceAction(w.workspace.slug, { instanceId: o.instance.id }),
  },
  "instances.start": {
    allowed: GRANTED,
    call: (w) => startInstanceAction(w.workspace.slug, { instanceId: w.stoppedInstance.id }),
    foreign: (w, o) => startInstanceAction(w.workspace.slug, { instanceId: o.stoppedInstance.id }),
  },
  "instances.delete": {
    allowed: GRANTED,
    call: (w) => deleteInstanceAction(w.workspace.slug, { instanceId: w.instance.id }),
    foreign: (w, o) => deleteInstanceAction(w.workspace.slug, { instanceId: o.instance.id }),
  },
  "instances.connect": {
    allowed: GRANTED,
    call: (w) => connectAsUserAction(w.workspace.slug, { instanceId: w.instance.id, systemUser: "app" }),
    foreign: (w, o) => connectAsUserAction(w.workspace.slug, { instanceId: o.instance.id, systemUser: "app" }),
  },
  "instances.updateSettings": {
    allowed: GRANTED,
    call: (w) => updateInstanceSettingsAction(w.workspace.slug, { instanceId: w.instance.id, replicas: 2, memoryMb: 1024, autoRestart: false }),
    foreign: (w, o) => updateInstanceSettingsAction(w.workspace.slug, { instanceId: o.instance.id, replicas: 2, memoryMb: 1024, autoRestart: false }),
  },
  "instances.openIde": {
    allowed: GRANTED,
    call: (w) => openIdeAction(w.workspace.slug, { instanceId: w.instance.id }),
    foreign: (w, o) => openIdeAction(w.workspace.slug, { instanceId: o.instance.id }),
  },
  "backups.create": {
    allowed: GRANTED,
    call: (w) => createBackupAction(w.workspace.slug, { instanceId: w.instance.id }),
    foreign: (w, o) => createBackupAction(w.workspace.slug, { instanceId: o.instance.id }),
  },
  "backups.restore": {
    allowed: GRANTED,
    call: (w) => restoreBackupAction(w.workspace.slug, { backupId: w.backup.id }),
    foreign: (w, o) => restoreBackupAction(w.workspace.slug, { backupId: o.backup.id }),
  },
  "backups.delete": {
    allowed: GRANTED,
    call: (w) => deleteBackupAction(w.workspace.slug, { backupId: w.backup.id }),
    foreign: (w, o) => deleteBackupAction(w.workspace.slug, { backupId: o.backup.id }),
  },
  "backups.download": {
    allowed: GRANTED,
    call: (w) => download(w, w.instance.id, w.backup.id),
    foreign: (w, o) => download(w, o.instance.id, o.backup.id),
  },
  "workspace.updateGeneral": { allowed: STAFF, call: (w) => updateGeneralAction(w.workspace.slug, { name: "Renamed", description: "New words" }) },
  "workspace.renameSlug": { allowed: STAFF, call: (w) => renameSlugAction(w.workspace.slug, { slug: `moved-${unique()}` }) },
  "workspace.setColor": { allowed: STAFF, call: (w) => setColorAction(w.workspace.slug, { color: "#0f766e" }) },
  // Turning it on needs 2FA of one's own (lib/authz/two-factor-requirement.int.test.ts): every caller has it here.
  "workspace.setRequireTwoFactor": { allowed: STAFF, prepare: twoFactorOn, call: (w) => setRequireTwoFactorAction(w.workspace.slug, { required: true }) },
  "workspace.uploadLogo": { allowed: STAFF, call: (w) => uploadLogoAction(w.workspace.slug, logoForm()) },
  "workspace.removeLogo": { allowed: STAFF, call: (w) => removeLogoAction(w.workspace.slug, {}) },
  "workspace.delete": { allowed: ["owner"], prepare: emptyWorld, call: (w) => deleteWorkspaceAction(w.workspace.slug, { confirmSlug: w.workspace.slug }) },
  // A deleted workspace cannot be opened, so restoring is a user action: only its owner may, anyone else
  // (its other members included) finds nothing, and so does the owner with another workspace's id.
  "workspace.restore": {
    allowed: ["owner"],
    prepare: deletedWorld,
    call: (w) => restoreWorkspaceAction({ workspaceId: w.workspace.id }),
    foreign: (_w, o) => restoreWorkspaceAction({ workspaceId: o.workspace.id }),
  },
  // The whole workspace as JSON: owner-only, like deleting it.
  "workspace.export": { allowed: ["owner"], call: (w) => workspaceGet(exportWorkspace, w, "settings/general/export") },
  "workspace.logo": { allowed: MEMBERS, call: (w) => workspaceGet(workspaceLogo, w, "logo") },
  "billing.changePlan": { allowed: ["owner"], call: (w) => changePlanAction(w.workspace.slug, { plan: "ENTERPRISE" }) },
  "billing.topUp": { allowed: ["owner"], call: (w) => topUpAction(w.workspace.slug, { amount: "25.00", idempotencyKey: crypto.randomUUID() }) },
  "billing.export": { allowed: STAFF, call: (w) => workspaceGet(exportTransactions, w, "settings/billing/export") },
  "billing.cancelScheduledChange": { allowed: ["owner"], prepare: scheduledDowngrade, call: (w) => cancelScheduledChangeAction(w.workspace.slug, {}) },
  "billing.updateDetails": {
    allowed: ["owner"],
    call: (w) => updateBillingDetailsAction(w.workspace.slug, { legalName: "World Ltd", address: "1 World Street", vatId: "DE123456789" }),
  },
  // An invoice's PDF: whoever reads billing; another workspace's invoice is not found.
  "billing.invoicePdf": { allowed: STAFF, call: (w) => invoiceDownload(w, w.invoice.id), foreign: (w, o) => invoiceDownload(w, o.invoice.id) },
  "audit.export": { allowed: STAFF, call: (w) => workspaceGet(exportAudit, w, "settings/audit/export") },
  "quotas.request": {
    allowed: STAFF,
    call: (w) => requestQuotaAction(w.workspace.slug, { resource: "INSTANCES", requestedLimit: 500, reason: "Black Friday traffic" }),
  },
  // Members below Admin ask (for logs on a server nobody in the world holds); owners and admins have nothing to ask for.
  "accessRequests.create": {
    allowed: ["viewer", "developer", "developerWithGrant", "developerWithGrantElsewhere"],
    call: (w) => requestAccessAction(w.workspace.slug, { permission: "logs.view", resourceKind: "server", resourceId: w.emptyServer.id, reason: "Checking the disk alerts" }),
  },
  "accessRequests.approve": {
    allowed: STAFF,
    call: (w) => approveAccessRequestAction(w.workspace.slug, { requestId: w.accessRequest.id, expiry: "1h" }),
    foreign: (w, o) => approveAccessRequestAction(w.workspace.slug, { requestId: o.accessRequest.id, expiry: "1h" }),
  },
  "accessRequests.deny": {
    allowed: STAFF,
    call: (w) => denyAccessRequestAction(w.workspace.slug, { requestId: w.accessRequest.id, note: "Not this week" }),
    foreign: (w, o) => denyAccessRequestAction(w.workspace.slug, { requestId: o.accessRequest.id }),
  },
  // The world's request is the developer's: only they may withdraw it.
  "accessRequests.cancel": {
    allowed: ["developer"],
    call: (w) => cancelAccessRequestAction(w.workspace.slug, { requestId: w.accessRequest.id }),
    foreign: (w, o) => cancelAccessRequestAction(w.workspace.slug, { requestId: o.accessRequest.id }),
  },
  "accessRequests.revoke": {
    allowed: STAFF,
    prepare: async (w) => {
      await db().accessRequest.update({ where: { id: w.accessRequest.id }, data: { status: "APPROVED", decidedAt: new Date() } });
      return "";
    },
    call: (w) => revokeAccessRequestAction(w.workspace.slug, { requestId: w.accessRequest.id }),
    foreign: (w, o) => revokeAccessRequestAction(w.workspace.slug, { requestId: o.accessRequest.id }),
  },
  // Platform operators are flagged accounts (npm run operator), never a workspace role: no caller here is one.
  "platform.decideQuotaRequest": { allowed: NOBODY, call: (w) => decideQuotaRequestAction({ requestId: w.quotaRequest.id, decision: "approve" }) },
  // Stripe proves itself with a signature, which no caller here has.
  "webhooks.stripe": {
    allowed: NOBODY,
    call: () => stripeWebhook(new Request("http://app.test/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": "t=1,v1=forged" }, body: "{}" })),
  },
  "alerting.saveChannel": {
    allowed: STAFF,
    call: (w) => saveChannelAction(w.workspace.slug, { channelId: w.channel.id, kind: "EMAIL", name: "renamed", emails: "a@test.example" }),
    foreign: (w, o) => saveChannelAction(w.workspace.slug, { channelId: o.channel.id, kind: "EMAIL", name: "renamed", emails: "a@test.example" }),
  },
  "alerting.toggleChannel": {
    allowed: STAFF,
    call: (w) => toggleChannelAction(w.workspace.slug, { channelId: w.channel.id, enabled: false }),
    foreign: (w, o) => toggleChannelAction(w.workspace.slug, { channelId: o.channel.id, enabled: false }),
  },
  "alerting.deleteChannel": {
    allowed: STAFF,
    call: (w) => deleteChannelAction(w.workspace.slug, { channelId: w.channel.id }),
    foreign: (w, o) => deleteChannelAction(w.workspace.slug, { channelId: o.channel.id }),
  },
  "alerting.sendTest": {
    allowed: STAFF,
    call: (w) => sendTestAlertAction(w.workspace.slug, { channelId: w.channel.id }),
    foreign: (w, o) => sendTestAlertAction(w.workspace.slug, { channelId: o.channel.id }),
  },
  "alerting.createRule": {
    allowed: STAFF,
    call: (w) => createAlertRuleAction(w.workspace.slug, { kind: "MEMBER_JOINED", channelIds: [w.channel.id] }),
    foreign: (w, o) => createAlertRuleAction(w.workspace.slug, { kind: "MEMBER_JOINED", channelIds: [o.channel.id] }),
  },
  "alerting.deleteRule": {
    allowed: STAFF,
    call: (w) => deleteAlertRuleAction(w.workspace.slug, { ruleId: w.rule.id }),
    foreign: (w, o) => deleteAlertRuleAction(w.workspace.slug, { ruleId: o.rule.id }),
  },
  "ai.save": { allowed: STAFF, call: (w) => saveAiSettingsAction(w.workspace.slug, { provider: "OLLAMA", model: "llama3.1", baseUrl: "https://ollama.example.com" }) },
  "ai.removeKey": { allowed: STAFF, call: (w) => removeAiKeyAction(w.workspace.slug, {}) },
  "ai.testConnection": { allowed: STAFF, call: (w) => testAiConnectionAction(w.workspace.slug, {}) },
  // Everyone who may use the API makes read-only keys; write keys are the next test file's business.
  "apiKeys.create": {
    allowed: ["developer", "developerWithGrant", "developerWithGrantElsewhere", "admin", "owner"],
    call: (w) => createApiKeyAction(w.workspace.slug, { name: "matrix key", access: "READ", expiresIn: "30" }),
  },
  // The owner's key: staff revoke any key, a developer only their own (this one is not found for them).
  "apiKeys.revoke": {
    allowed: STAFF,
    call: (w) => revokeApiKeyAction(w.workspace.slug, { apiKeyId: w.apiKey.id }),
    foreign: (w, o) => revokeApiKeyAction(w.workspace.slug, { apiKeyId: o.apiKey.id }),
  },
  // The API answers API keys only: a browser's session, whoever's, signs nobody in there.
  "api.v1": { allowed: NOBODY, call: () => apiHandlers.GET(new Request("http://app.test/api/v1/workspace")) },
  // The API's description is public, like any API reference.
  "api.openapi": { allowed: CALLERS, call: () => openApiRoute(new Request("http://app.test/api/v1/openapi.json")) },
  "api.reference": { allowed: CALLERS, call: () => apiReferenceRoute(new Request("http://app.test/api/v1/reference")) },
  "api.referenceScript": { allowed: CALLERS, call: () => apiReferenceScriptRoute(new Request("http://app.test/api/v1/reference/scalar.js")) },
  "api.referenceLabels": { allowed: CALLERS, call: () => apiReferenceLabelsRoute(new Request("http://app.test/api/v1/reference/labels.js")) },
  // Counts database round trips for `npm run bench`; off (404) unless the server runs with BENCH_COUNT_QUERIES=1.
  "bench.queryCount": { allowed: NOBODY, call: () => benchQueryCount(new Request("http://app.test/api/bench/queries")) },
  "secrets.set": { allowed: STAFF, call: (w) => setSecretAction(w.workspace.slug, { environment: "STAGING", name: "API_KEY", value: "value-1234" }) },
  "secrets.delete": {
    allowed: STAFF,
    call: (w) => deleteSecretAction(w.workspace.slug, { secretId: w.secret.id }),
    foreign: (w, o) => deleteSecretAction(w.workspace.slug, { secretId: o.secret.id }),
  },
};

async function outcome(result: Outcome): Promise<{ ok: boolean; code: string }> {
  if (result instanceof Response) {
    if (result.ok) return { ok: true, code: "OK" };
    const body = (await result.json()) as { code: string };
    return { ok: false, code: body.code };
  }
  return result.ok ? { ok: true, code: "OK" } : { ok: false, code: result.code };
}

let people: People;
let strangers: People;
beforeAll(async () => {
  delete process.env.RESEND_API_KEY; // "Copy invite link" reads mail the local transport recorded
  delete process.env.STRIPE_SECRET_KEY; // top-ups use the demo provider
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_matrix_only";
  [people, strangers] = await Promise.all([makePeople(), makePeople()]);
});

describe("authorization matrix", () => {
  it("has a row for every server action and route handler in the code, and none for one that is gone", async () => {
    const discovered = new Set((await discoverEndpoints()).map((e) => e.name));
    expect([...discovered].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(Object.entries(MATRIX))("%s", (_name, row) => {
    it.each(CALLERS)("as %s: allowed or refused as the table says, and a refusal writes nothing", async (caller) => {
      const world = await makeWorld(people);
      actAs(caller === "anonymous" ? null : people[caller].id);
      const prepared = await row.prepare?.(world, { people, caller });
      const before = await databaseSnapshot();
      const result = await outcome(await row.call(world, { people, caller }, prepared));
      const expected = row.allowed.includes(caller);
      expect(result, `${caller} should be ${expected ? "allowed" : "refused"}`).toMatchObject({ ok: expected });
      if (!expected) expect(await databaseSnapshot()).toEqual(before);
    });
  });
});

describe("cross-workspace ids", () => {
  const rows = Object.entries(MATRIX).filter(([, row]) => row.foreign);

  it.each(rows)("%s with an id from another workspace answers not found and writes nothing", async (_name, row) => {
    // The other workspace belongs to other people: the caller, owner of `world`, is no member of it.
    const [world, other] = [await makeWorld(people), await makeWorld(strangers)];
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    expect(await outcome(await row.foreign!(world, other))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
