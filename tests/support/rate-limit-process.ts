// One "app instance" for lib/rate-limits/rate-limits.int.test.ts: a separate Node process with its own
// database pool, counting attempts against the same key as its sibling. Prints how many were allowed.
import { consumeRateLimit, type RateLimitName } from "@/lib/rate-limits/service";
import { db } from "@/lib/db";

async function main() {
  const [name, subject, attempts] = process.argv.slice(2) as [RateLimitName, string, string];
  const outcomes = await Promise.all(Array.from({ length: Number(attempts) }, () => consumeRateLimit(name, subject)));
  console.log(JSON.stringify({ allowed: outcomes.filter((o) => o.allowed).length }));
  await db().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
