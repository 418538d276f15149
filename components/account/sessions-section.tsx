import { BoundActionButton } from "@/components/resources/action-button";
import { Badge, Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { utcMinute } from "@/lib/dates";
import { revokeSessionAction, signOutEverywhereAction } from "@/lib/sessions/actions";
import { describeDevice } from "@/lib/sessions/device";
import type { listSessions } from "@/lib/sessions/queries";

type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** Every browser signed in to the account, with a way to end any of them (this one signs out instead). */
export function SessionsSection({ sessions, currentSessionId }: { sessions: SessionRow[]; currentSessionId: string | null }) {
  const others = sessions.filter((session) => session.id !== currentSessionId).length;
  return (
    <Card>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="sessions-heading" className="font-semibold">
            Sessions
          </h2>
          {others > 0 && (
            <BoundActionButton
              action={signOutEverywhereAction}
              input={{}}
              success="Signed out everywhere else"
              confirm={{
                title: "Sign out everywhere else?",
                description: `Every other browser signed in to your account (${others}) is signed out at once. This one stays signed in.`,
                confirmLabel: "Sign out everywhere else",
              }}
            >
              Sign out everywhere else
            </BoundActionButton>
          )}
        </div>
        <DataTable caption="Signed-in sessions" headers={["Browser", "Address", "Signed in", "Last seen", ""]}>
          {sessions.map((session) => {
            const device = describeDevice(session.userAgent);
            const isThis = session.id === currentSessionId;
            return (
              <tr key={session.id}>
                <Td>
                  {device} {isThis && <Badge className="ml-1 bg-green-100 text-green-900">This device</Badge>}
                </Td>
                <Td>{session.ip ?? "Unknown"}</Td>
                <Td>{utcMinute(session.createdAt)} UTC</Td>
                <Td>{utcMinute(session.lastSeenAt)} UTC</Td>
                <Td className="text-right">
                  {!isThis && (
                    <BoundActionButton
                      action={revokeSessionAction}
                      input={{ sessionId: session.id }}
                      label={`Revoke session: ${device}, ${session.ip ?? "unknown address"}`}
                      success="Session revoked"
                      confirm={{
                        title: "Revoke this session?",
                        description: `${device} at ${session.ip ?? "an unknown address"} is signed out on its next request.`,
                        confirmLabel: "Revoke session",
                      }}
                    >
                      Revoke
                    </BoundActionButton>
                  )}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </Card>
  );
}
