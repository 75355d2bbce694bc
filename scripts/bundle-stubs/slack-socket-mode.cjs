/**
 * Stands in for `@slack/socket-mode` in the production bundle (scripts/bundle.ts). Bolt imports it
 * at load time for its SocketModeReceiver, which riskcheck never uses (it receives Slack over
 * HTTP), and with it undici and a WebSocket client: about 0.2 s of start-up and 4 MB of heap.
 * Constructing a client says so instead of failing somewhere deeper.
 */
exports.SocketModeClient = class SocketModeClient {
  constructor() {
    throw new Error(
      'Slack Socket Mode is not included in the riskcheck bundle: remove the @slack/socket-mode alias in scripts/bundle.ts to use it.',
    );
  }
};
