import { ApiError } from "../api/errors";
import type { Message } from "../api/types";
import type { Ack, ChatSocket, SendPayload, ServerEvents } from "./socket";

export type RealtimeStatus = "connecting" | "online" | "offline";

/** How long an ack may take before the call counts as lost. */
export const ACK_TIMEOUT_MS = 10_000;
/** After a refusal the client does not retry by itself; it tries again after this long. */
const RETRY_MS = 5_000;
/** Token refreshes in a row that still leave the socket refused, before slowing down. */
const MAX_TOKEN_RETRIES = 3;
/** Sync rounds for one conversation per connection (each up to the server's batch). */
const MAX_SYNC_ROUNDS = 20;

interface Watch {
  /** The newest `seq` held, so that a sync asks only for what came after. */
  afterSeq: () => number;
  apply: (messages: Message[]) => void;
}

export interface RealtimeOptions {
  createSocket: (token: () => string) => ChatSocket;
  /** The session's access token, or null once logged out. */
  getToken: () => string | null;
  /** A fresh access token in place of `stale`, or null when the session cannot be renewed. */
  refresh: (stale: string) => Promise<string | null>;
}

/**
 * One socket for the logged-in session. It connects with the access token,
 * trades a refused token for a fresh one and reconnects, and after every
 * (re)connection asks `sync` for each watched conversation from the newest
 * message held, so nothing pushed while it was away is lost.
 */
export class Realtime {
  private readonly socket: ChatSocket;
  private readonly options: RealtimeOptions;
  private status: RealtimeStatus = "connecting";
  private readonly statusListeners = new Set<() => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly watched = new Map<string, Set<Watch>>();
  private lastToken = "";
  private tokenRetries = 0;
  private connections = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(options: RealtimeOptions) {
    this.options = options;
    this.socket = options.createSocket(() => {
      this.lastToken = options.getToken() ?? "";
      return this.lastToken;
    });
    this.socket.on("connect", this.onConnect);
    this.socket.on("connect_error", this.onConnectError);
    this.socket.on("disconnect", this.onDisconnect);
  }

  start() {
    this.socket.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket.off("connect", this.onConnect);
    this.socket.off("connect_error", this.onConnectError);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.disconnect();
    this.setStatus("offline");
  }

  get connected(): boolean {
    return !this.stopped && this.socket.connected;
  }

  getStatus = (): RealtimeStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Called after each reconnection (not the first connection): time to refresh what may have been missed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Listens to a pushed event until the returned function is called. */
  on<E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]): () => void {
    // The socket's typings cannot follow a generic event name through on/off.
    const socket = this.socket as unknown as { on: (e: string, h: unknown) => void; off: (e: string, h: unknown) => void };
    socket.on(event, handler);
    return () => socket.off(event, handler);
  }

  /**
   * Keeps a conversation caught up: now (if connected) and after every
   * reconnection, what came after `afterSeq()` goes to `apply`.
   */
  watch(conversationId: string, afterSeq: () => number, apply: (messages: Message[]) => void): () => void {
    const watch: Watch = { afterSeq, apply };
    const set = this.watched.get(conversationId) ?? new Set<Watch>();
    set.add(watch);
    this.watched.set(conversationId, set);
    if (this.connected) void this.sync(conversationId, watch);
    return () => {
      set.delete(watch);
      if (set.size === 0 && this.watched.get(conversationId) === set) this.watched.delete(conversationId);
    };
  }

  /** Sends a message and resolves with the stored one; rejects when the server refuses it or no ack comes. */
  async send(payload: SendPayload): Promise<Message> {
    const answer = await this.ask(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("message:send", payload));
    return unwrapAck(answer).message;
  }

  /** Marks the conversation read up to `seq`; resolves with the read mark the server keeps. */
  async markRead(conversationId: string, seq: number): Promise<number> {
    const answer = await this.ask(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("message:read", { conversation_id: conversationId, seq }));
    return unwrapAck(answer).read_seq;
  }

  /** Tells the other member that the user is typing, or stopped. Nothing is sent while offline. */
  typing(conversationId: string, typing: boolean) {
    if (this.connected) this.socket.emit("typing", { conversation_id: conversationId, typing });
  }

  private async ask<T>(call: () => Promise<T>): Promise<T> {
    if (!this.connected) throw ApiError.network();
    try {
      return await call();
    } catch {
      // No ack in time: the socket dropped, or the server is slow.
      throw new ApiError(0, "no_answer", "The server did not answer in time. Try again.");
    }
  }

  private async sync(conversationId: string, watch: Watch) {
    for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
      if (!this.connected || !this.watched.get(conversationId)?.has(watch)) return;
      const afterSeq = watch.afterSeq();
      let answer: Ack<{ messages: Message[]; has_more: boolean }>;
      try {
        answer = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("sync", { conversation_id: conversationId, after_seq: afterSeq });
      } catch {
        return; // lost with the connection; the next one syncs again
      }
      if ("error" in answer) return;
      if (answer.messages.length > 0) watch.apply(answer.messages);
      if (!answer.has_more || answer.messages.length === 0) return;
    }
  }

  private onConnect = () => {
    this.tokenRetries = 0;
    this.connections += 1;
    this.setStatus("online");
    for (const [conversationId, watches] of this.watched) {
      for (const watch of watches) void this.sync(conversationId, watch);
    }
    if (this.connections > 1) for (const listener of this.reconnectListeners) listener();
  };

  private onConnectError = (error: Error) => {
    if (this.stopped) return;
    this.setStatus("offline");
    if (error.message.startsWith("invalid_token")) {
      this.tokenRetries += 1;
      if (this.tokenRetries > MAX_TOKEN_RETRIES) return this.retryLater(RETRY_MS * this.tokenRetries);
      const stale = this.lastToken;
      void this.options.refresh(stale).then(
        (token) => {
          if (this.stopped) return;
          // Null while still logged in means the server could not be reached: try again later.
          if (token) this.socket.connect();
          else if (this.options.getToken()) this.retryLater(RETRY_MS);
        },
        () => this.retryLater(RETRY_MS),
      );
      return;
    }
    // A refusal (the server is busy) ends the attempts; a network failure does not.
    if (!this.socket.active) this.retryLater(RETRY_MS);
  };

  private onDisconnect = (reason: string) => {
    if (this.stopped) return;
    this.setStatus("offline");
    // The server closed it (a session ended elsewhere, say); the client would not come back by itself.
    if (reason === "io server disconnect") this.retryLater(1_000);
  };

  private retryLater(ms: number) {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && !this.socket.connected && this.options.getToken()) {
        this.setStatus("connecting");
        this.socket.connect();
      }
    }, ms);
  }

  private setStatus(status: RealtimeStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}

/** The answer of an ack, or its error as an ApiError. */
export function unwrapAck<T extends object>(answer: Ack<T>): T {
  if ("error" in answer) {
    const status = answer.error.code === "validation_failed" ? 422 : 400;
    throw ApiError.from(status, answer);
  }
  return answer;
}
