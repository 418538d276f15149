export async function register() {
  // Node only: the check uses process.exit, and the delivery worker needs the database driver.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/startup/check-env");
    checkEnvironmentOrExit();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startDeliveryWorker } = await import("./lib/alerting/queue");
      startDeliveryWorker();
    }
  }
}
