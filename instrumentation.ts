export async function register() {
  // Node only: the check uses process.exit, and the delivery worker needs the database driver.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/startup/check-env");
    checkEnvironmentOrExit();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      // Before the first request is served, so every request's X-Forwarded-For ends with its real peer.
      const { installPeerAddressHeader } = await import("./lib/http/peer-address");
      installPeerAddressHeader();
      const { startQueueWorker } = await import("./lib/queue/worker");
      startQueueWorker();
    }
  }
}
