import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { makeUser, rowCounts, uniqueEmail } from "@/tests/support/factories";
import { verifyCredentials } from "./queries";
import { createAccount } from "./service";
import { messageKey } from "@/lib/i18n/message-key";

describe("accounts", () => {
  it("creates a personal workspace the user owns and lands in", async () => {
    const user = await makeUser("Pat Person");
    const stored = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      include: { defaultWorkspace: true, personalWorkspace: { include: { memberships: true } } },
    });
    expect(stored.defaultWorkspace?.id).toBe(stored.personalWorkspace?.id);
    expect(stored.personalWorkspace).toMatchObject({ name: "Personal", kind: "PERSONAL", slug: user.personalWorkspaceSlug });
    expect(stored.personalWorkspace?.memberships).toMatchObject([{ userId: user.id, role: "OWNER" }]);
  });

  it("gives two people with the same name different personal slugs", async () => {
    const a = await makeUser("Sam Same");
    const b = await makeUser("Sam Same");
    expect(a.personalWorkspaceSlug).toBe("sam-same");
    expect(b.personalWorkspaceSlug).toMatch(/^sam-same-[0-9a-f]{4}$/);
  });

  it("refuses a second account for the same email, whatever its case, and writes nothing", async () => {
    const email = uniqueEmail("dup");
    await db().$transaction((tx) => createAccount(tx, { name: "First", email, passwordHash: "x" }));
    const before = await rowCounts();
    await expect(
      db().$transaction((tx) => createAccount(tx, { name: "Second", email: email.toLowerCase(), passwordHash: "x" })),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { email: messageKey("errors.emailTaken") } });
    expect(await rowCounts()).toEqual(before);
  });

  it("signs in with the right password only, and says nothing about unknown emails", async () => {
    const email = uniqueEmail("login");
    const passwordHash = await hashPassword("correct horse battery");
    await db().$transaction((tx) => createAccount(tx, { name: "Login", email, passwordHash }));
    expect(await verifyCredentials(email, "correct horse battery")).toMatchObject({ email });
    expect(await verifyCredentials(email, "wrong password!!")).toBeNull();
    expect(await verifyCredentials(uniqueEmail("nobody"), "correct horse battery")).toBeNull();
    const stored = await db().user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
