import { z } from "zod";
import { recordId } from "@/lib/schemas";

export const SessionIdSchema = z.object({ sessionId: recordId() });
export const NoInputSchema = z.object({});
