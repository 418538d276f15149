import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { Role } from "@/generated/prisma/enums";

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("workspaces");
  return <Badge>{t(`roles.${role}`)}</Badge>;
}
