import type { Metadata } from "next";
import { RoleBadge } from "@/components/workspaces/role-badge";
import { requireMember, requirePermission } from "@/lib/authz";
import { listMembers } from "@/lib/members/service";

export const metadata: Metadata = { title: "Members" };

export default async function MembersSettingsPage({ params }: { params: Promise<{ workspaceSlug: string }> }) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "members.read");
  const { members, total } = await listMembers(ctx.workspace.id);
  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members <span className="text-sm font-normal text-gray-600">({total})</span>
      </h2>
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-gray-200 bg-gray-50 text-gray-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Email</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">Joined</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-200">
            {members.map((member) => (
              <tr key={member.id}>
                <td className="px-4 py-2 font-medium">{member.user.name}</td>
                <td className="px-4 py-2 text-gray-700">{member.user.email}</td>
                <td className="px-4 py-2"><RoleBadge role={member.role} /></td>
                <td className="px-4 py-2 text-gray-700">
                  <time dateTime={member.createdAt.toISOString()}>{member.createdAt.toISOString().slice(0, 10)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
