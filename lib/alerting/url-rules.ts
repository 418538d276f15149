/** Syntax rules for alert URLs, shared by the browser and the server (no network, no Node APIs). */
export function urlProblem(raw: string, allowPlainHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://hooks.example.com/alerts";
  }
  if (url.username || url.password) return "Leave credentials out of the URL";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowPlainHttp) return null;
  return "Use an https:// URL";
}
