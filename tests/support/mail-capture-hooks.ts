import type { Server } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startMailCapture, type CapturedEmail } from "./mail-capture";

/**
 * A mail capture server for the tests of one file: started before them, stopped after, and the Resend
 * SDK pointed at it before each test (a test may point it elsewhere to play the service being down).
 * The returned holder is filled in once the server is up.
 */
export function useMailCapture(): { url: string; server: Server; emails: CapturedEmail[] } {
  const capture = { url: "", server: undefined as unknown as Server, emails: [] as CapturedEmail[] };
  beforeAll(async () => Object.assign(capture, await startMailCapture()));
  afterAll(() => capture.server.close());
  beforeEach(() => {
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = capture.url;
  });
  return capture;
}
