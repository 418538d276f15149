import type { Metadata } from "next";
import { deleteServerAction } from "@/lib/resources/actions";
import { ActionButton } from "@/components/resources/action-button";
import { CreateServerDialog } from "@/components/resources/forms";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember } from "@/lib/authz";
import { listServers } from "@/lib/resources/queries";

export const metadata: Metadata = { title: "Servers" };

export default async function ServersPage({ params }: PageProps<"/[workspaceSlug]/servers">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const servers = await listServers(ctx);
  const manage = ctx.can("resources.manage");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Servers</h1>
        {manage ? <CreateServerDialog slug={ctx.workspace.slug} /> : null}
      </div>
      {servers.length === 0 ? (
        <p className="text-sm text-gray-700">No servers you can access yet.</p>
      ) : (
        <DataTable caption="Servers" headers={["Name", "Region", "Address", "Instances", ""]}>
          {servers.map((s) => (
            <tr key={s.id}>
              <Td><span className="font-medium">{s.name}</span></Td>
              <Td>{s.region}</Td>
              <Td><span className="font-mono text-gray-800">{s.address}</span></Td>
              <Td>{s._count.instances}</Td>
              <Td className="text-right">
                {manage ? (
                  <ActionButton
                    action={deleteServerAction}
                    slug={ctx.workspace.slug}
                    input={{ serverId: s.id }}
                    variant="ghost"
                    label={`Delete server ${s.name}`}
                    success="Server deleted"
                    confirm={{ title: `Delete ${s.name}?`, description: "Only a server without instances can be deleted.", confirmLabel: "Delete server" }}
                  >
                    Delete
                  </ActionButton>
                ) : null}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
