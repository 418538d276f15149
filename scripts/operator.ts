// `npm run operator -- grant <email>` | `revoke <email>` | `list`: who may review quota requests across
// every workspace. The flag lives on the account, so nobody becomes an operator by signing up with an
// address; the database is the one DATABASE_URL names (or the embedded default).
import { setPlatformOperator } from "@/lib/accounts/service";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabaseUrl } from "@/lib/db/url";

const USAGE = "Usage: npm run operator -- grant <email> | revoke <email> | list";

async function main([command, email]: string[]): Promise<number> {
  const db = createPrismaClient(resolveDatabaseUrl());
  try {
    if (command === "list" && !email) {
      const operators = await db.user.findMany({ where: { isPlatformOperator: true }, select: { email: true, name: true }, orderBy: { email: "asc" } });
      for (const operator of operators) console.log(`${operator.email}  (${operator.name})`);
      if (operators.length === 0) console.log("No platform operators.");
      return 0;
    }
    if ((command !== "grant" && command !== "revoke") || !email) {
      console.error(USAGE);
      return 2;
    }
    if (!(await setPlatformOperator(db, email, command === "grant"))) {
      console.error(`No account has the address ${email}: it must sign up first.`);
      return 1;
    }
    console.log(command === "grant" ? `${email} is now a platform operator.` : `${email} is no longer a platform operator.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
