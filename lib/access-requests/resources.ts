import type { ResourceRef } from "@/lib/authz/permissions";
import type { Tx } from "@/lib/db";
import { isRecordId } from "@/lib/schemas";
import type { AccessResourceKind } from "./schemas";

export interface NamedResource {
  ref: ResourceRef;
  name: string;
}

/**
 * A project, instance or server of this workspace by id, or null: an id of another workspace's is as
 * missing as one that never existed, so asking about it tells nobody it exists.
 */
export async function resourceIn(client: Tx, workspaceId: string, kind: AccessResourceKind, id: string): Promise<NamedResource | null> {
  if (!isRecordId(id)) return null;
  switch (kind) {
    case "project": {
      const row = await client.project.findFirst({ where: { id, workspaceId }, select: { id: true, name: true } });
      return row && { ref: { kind, id: row.id }, name: row.name };
    }
    case "instance": {
      const row = await client.instance.findFirst({ where: { id, workspaceId }, select: { id: true, name: true, projectId: true } });
      return row && { ref: { kind, id: row.id, projectId: row.projectId }, name: row.name };
    }
    case "server": {
      const row = await client.server.findFirst({ where: { id, workspaceId }, select: { id: true, name: true } });
      return row && { ref: { kind, id: row.id }, name: row.name };
    }
  }
}
