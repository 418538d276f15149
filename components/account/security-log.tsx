import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { utcMinute } from "@/lib/dates";
import type { listSecurityEvents } from "@/lib/security-log/queries";
import type { SecurityEventKind } from "@/lib/security-log/service";
import { describeDevice } from "@/lib/sessions/device";

const WORDS: Record<SecurityEventKind, string> = {
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in",
  sign_out: "Signed out",
  session_revoked: "Revoked a session",
  sessions_revoked: "Signed out everywhere else",
  password_changed: "Changed the password",
  password_reset: "Reset the password",
  password_reset_requested: "Asked for a password reset",
  email_verified: "Verified the email address",
  email_change_requested: "Asked to change the email address",
  email_changed: "Changed the email address",
  two_factor_enabled: "Turned on two-factor authentication",
  two_factor_disabled: "Turned off two-factor authentication",
  recovery_code_used: "Signed in with a recovery code",
  recovery_codes_regenerated: "Made new recovery codes",
};

type SecurityEventRow = Awaited<ReturnType<typeof listSecurityEvents>>[number];

export function SecurityLog({ events }: { events: SecurityEventRow[] }) {
  return (
    <Card>
      <section aria-labelledby="security-log-heading" className="space-y-3">
        <h2 id="security-log-heading" className="font-semibold">
          Security log
        </h2>
        {events.length === 0 ? (
          <p className="text-sm text-gray-700">Nothing yet: sign-ins and changes to your password, email and two-factor settings appear here.</p>
        ) : (
          <DataTable caption="Security log" headers={["When", "What", "Address", "Browser"]}>
            {events.map((event) => (
              <tr key={event.id}>
                <Td>{utcMinute(event.createdAt)} UTC</Td>
                <Td>{WORDS[event.kind] ?? event.kind}</Td>
                <Td>{event.ip ?? "Unknown"}</Td>
                <Td>{describeDevice(event.userAgent)}</Td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Card>
  );
}
