export async function register() {
  // Imported only on Node: the check uses process.exit, which the Edge runtime does not have.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/startup/check-env");
    checkEnvironmentOrExit();
  }
}
