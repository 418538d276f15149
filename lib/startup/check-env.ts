// Fails at start-up with a readable message instead of a server that silently has no sessions
// (without AUTH_SECRET, Auth.js answers /api/auth/session with a 500 and sign-in does nothing).
export function checkEnvironmentOrExit(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const missing: string[] = [];
  if (!process.env.AUTH_SECRET) missing.push("AUTH_SECRET (e.g. `openssl rand -base64 32`)");
  if (!process.env.AUTH_TRUST_HOST && !process.env.AUTH_URL) {
    missing.push("AUTH_TRUST_HOST=true behind a trusted proxy or `next start`, or AUTH_URL=https://your.host");
  }
  if (!process.env.SECRETS_ENCRYPTION_KEYS) {
    missing.push("SECRETS_ENCRYPTION_KEYS (e.g. `1:$(openssl rand -base64 32)`), the key that encrypts stored secrets");
  }
  if (missing.length > 0) {
    console.error(`\nThe dashboard cannot start; set:\n  - ${missing.join("\n  - ")}\nSee README → Production.\n`);
    process.exit(1);
  }
}
