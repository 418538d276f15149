import { Badge } from "@/components/ui/card";
import { ROLE_LABEL } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";

export function RoleBadge({ role }: { role: Role }) {
  return <Badge>{ROLE_LABEL[role]}</Badge>;
}
