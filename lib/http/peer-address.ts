import http from "node:http";

const INSTALLED = Symbol.for("workspaces.peerAddressHeader");

/**
 * Appends the socket's peer address to `X-Forwarded-For` on every request this process serves, as a
 * reverse proxy would. Next's server sets the header to the peer only when the client sent none, so
 * a client could otherwise name any address it liked; with the peer always last, lib/http/client-address
 * reads the chain from the right and a forged prefix is never trusted.
 */
export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const peer = request.socket?.remoteAddress;
      if (peer) {
        const forwarded = request.headers["x-forwarded-for"];
        const chain = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
        request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
      }
    }
    return (emit as (event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
