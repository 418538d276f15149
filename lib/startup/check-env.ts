// Fails at start-up with a readable message instead of a server that silently misbehaves: without
// AUTH_SECRET, Auth.js answers /api/auth/session with a 500 and sign-in does nothing; without a
// configured origin, links in emails would take their host from the request, which the caller chooses;
// without Stripe, top-ups would credit play money unless someone asked for exactly that.
export function environmentProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (!env.AUTH_SECRET) problems.push("AUTH_SECRET (e.g. `openssl rand -base64 32`)");
  if (!env.AUTH_TRUST_HOST && !env.AUTH_URL) {
    problems.push("AUTH_TRUST_HOST=true behind a trusted proxy or `next start`, or AUTH_URL=https://your.host");
  }
  if (!env.SECRETS_ENCRYPTION_KEYS) {
    problems.push("SECRETS_ENCRYPTION_KEYS (e.g. `1:$(openssl rand -base64 32)`), the key that encrypts stored secrets");
  }
  if (env.NODE_ENV === "production") {
    if (!env.APP_URL && !env.AUTH_URL) {
      problems.push("APP_URL=https://your.host (or AUTH_URL): the origin for links in emails, never taken from a request's Host header");
    }
    if (!env.STRIPE_SECRET_KEY && env.ALLOW_DEMO_PAYMENTS !== "true") {
      problems.push("STRIPE_SECRET_KEY for real payments, or ALLOW_DEMO_PAYMENTS=true to credit test money on purpose (demos, tests)");
    }
  }
  return problems;
}

export function checkEnvironmentOrExit(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const problems = environmentProblems();
  if (problems.length > 0) {
    console.error(`\nThe dashboard cannot start; set:\n  - ${problems.join("\n  - ")}\nSee README → Production.\n`);
    process.exit(1);
  }
}
