import { after } from "next/server";
import { assertOutsideTransaction } from "@/lib/db/transaction-scope";
import { EmailSendError, emailTransport, type OutgoingEmail } from "@/lib/email";

/** Sends one account mail; a failure comes back as the provider's words (or a generic one), never thrown. */
export async function deliverAccountEmail(email: OutgoingEmail): Promise<string | null> {
  assertOutsideTransaction("Sending account mail");
  try {
    await emailTransport().send(email);
    return null;
  } catch (error) {
    if (!(error instanceof EmailSendError)) console.error("[email]", error);
    return error instanceof EmailSendError ? error.message : "The email could not be sent.";
  }
}

/**
 * Sends after the response has gone out, for answers that must not differ between a known and an
 * unknown address: the time a send takes would otherwise tell which one got mail. Outside a request
 * (tests, scripts) there is no response to wait for, so it sends at once.
 */
export async function deliverAfterResponse(email: OutgoingEmail): Promise<void> {
  const send = async () => {
    const error = await deliverAccountEmail(email);
    if (error) console.error(`[email] ${email.subject}: ${error}`);
  };
  try {
    after(send);
  } catch {
    await send();
  }
}
