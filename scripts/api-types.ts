import { readFileSync, writeFileSync } from "node:fs";
import { API_TYPES_FILE, renderApiTypes } from "./lib/api-types";

// `npm run api:types`: writes the API's TypeScript types (for openapi-fetch) from the OpenAPI document.
// `npm run api:types -- --check`: exits 1 when the checked-in types are out of date.

async function main(check: boolean): Promise<number> {
  const fresh = await renderApiTypes();
  const current = (() => {
    try {
      return readFileSync(API_TYPES_FILE, "utf8");
    } catch {
      return "";
    }
  })();
  if (check) {
    if (current === fresh) return 0;
    console.error(`${API_TYPES_FILE} is out of date: run npm run api:types`);
    return 1;
  }
  writeFileSync(API_TYPES_FILE, fresh);
  console.log(current === fresh ? `${API_TYPES_FILE} is up to date` : `Wrote ${API_TYPES_FILE}`);
  return 0;
}

main(process.argv.includes("--check")).then((code) => process.exit(code));
