import { generate } from "otplib";

/**
 * The code an authenticator app holding `secret` shows, `steps` periods of 30 s from now. Each code is
 * accepted once, and one step either side of now: the next step's code (steps = 1) is what a second
 * sign-in right after the first one needs. No database import: the browser tests use it too.
 */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** A code that is certainly not `right`. */
export function wrongCode(right: string): string {
  return right === "000000" ? "111111" : "000000";
}
