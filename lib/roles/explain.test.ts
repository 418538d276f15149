import { describe, expect, it } from "vitest";
import { explainPermissions } from "@/lib/authz/permissions";
import { sentenceForYou, toAccessLines } from "./explain";

const names = new Map([["p1", "alpha"], ["s1", "db-1"]]);
const lines = (role: "VIEWER" | "DEVELOPER" | "ADMIN", grants: Parameters<typeof explainPermissions>[1]) => toAccessLines(explainPermissions(role, grants), names);
const sentences = (role: "VIEWER" | "DEVELOPER" | "ADMIN", grants: Parameters<typeof explainPermissions>[1], key: string) => {
  const line = lines(role, grants).find((l) => l.key === key)!;
  return line.sources.map((s) => sentenceForYou(line, s));
};
const lists = { projectIds: [] as string[], instanceIds: [] as string[], serverIds: [] as string[] };

describe("sentences a member reads about their own access", () => {
  it("says which team, custom role, grant or request gives each permission, on which resources", () => {
    expect(sentences("DEVELOPER", [{ ...lists, actions: ["instances.restart"], projectIds: ["p1"], source: { kind: "team", id: "t", name: "Ops", expiresAt: null } }], "instances.restart")).toEqual([
      "You can use “Restart” on alpha because you are in team Ops.",
    ]);
    expect(sentences("VIEWER", [{ ...lists, actions: ["logs.view"], serverIds: ["s1"], source: { kind: "customRole", id: "r", name: "Operator", expiresAt: null } }], "logs.view")).toEqual([
      "You can use “View logs” on db-1 because you hold the role Operator.",
    ]);
    expect(sentences("VIEWER", [{ ...lists, actions: ["ide.use"], source: { kind: "direct", expiresAt: null } }], "ide.use")).toEqual([
      "You can use “Web IDE” because it was granted to you directly.",
    ]);
    expect(sentences("VIEWER", [{ ...lists, actions: ["instances.stop"], projectIds: ["gone"], source: { kind: "accessRequest", id: "a", expiresAt: null } }], "instances.stop")).toEqual([
      "You can use “Stop and start” because your access request was approved.",
    ]);
    expect(sentences("ADMIN", [], "instances.restart")).toEqual(["You can use “Restart” on every resource because you are an Admin."]);
  });

  it("carries each source's expiry to the line", () => {
    const expiresAt = "2026-12-01T12:00:00.000Z";
    const [line] = lines("VIEWER", [{ ...lists, actions: ["logs.view"], source: { kind: "customRole", id: "r", name: "Operator", expiresAt, team: { id: "t", name: "Ops" } } }]).filter((l) => l.key === "logs.view");
    expect(line!.sources).toEqual([expect.objectContaining({ name: "custom role Operator (through team Ops)", expiresAt })]);
  });
});
