/**
 * The part of a workspace URL that makes sense in another workspace: `/a/settings/members` →
 * `/settings/members`, `/a/instances/123` → `/instances` (an id from one workspace means nothing in another).
 */
export function sectionOf(pathname: string): string {
  const [, , ...rest] = pathname.split("/");
  if (rest.length === 0 || rest[0] === "") return "";
  const keep = rest[0] === "settings" ? 2 : 1;
  return `/${rest.slice(0, keep).join("/")}`;
}
