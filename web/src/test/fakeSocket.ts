import { act } from "@testing-library/react";
import type { Mock } from "vitest";
import type { ChatSocket } from "../realtime/socket";

type Listener = (...args: unknown[]) => void;
type Answer = (payload: never) => unknown;

/**
 * Stands in for a socket.io client socket, played from the server's side:
 * `accept` or `refuse` a connection attempt, `push` events, and answer the
 * client's events through `answers` (an event without an answer gets no
 * ack, like a lost one). Every event the client emits is kept in `emitted`.
 */
export class FakeSocket {
  connected = false;
  active = false;
  /** What the client asked for and sent, in order. */
  emitted: { event: string; payload: unknown }[] = [];
  /** The token of each connection attempt. */
  tokens: string[] = [];
  answers: Record<string, Answer> = {};
  /** Accept every connection attempt on its own (the default), or leave it to the test. */
  autoAccept = true;
  private listeners = new Map<string, Set<Listener>>();
  private readonly token: () => string;

  constructor(token: () => string) {
    this.token = token;
  }

  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  connect() {
    this.active = true;
    this.tokens.push(this.token());
    if (this.autoAccept) queueMicrotask(() => this.accept());
    return this;
  }

  disconnect() {
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.fire("disconnect", "io client disconnect");
    }
    return this;
  }

  emit(event: string, payload: unknown, ack?: (answer: unknown) => void) {
    this.emitted.push({ event, payload });
    const answer = this.answers[event];
    if (ack && answer) void Promise.resolve(answer(payload as never)).then(ack);
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: (event: string, payload: unknown) =>
        new Promise((resolve, reject) => {
          this.emitted.push({ event, payload });
          const answer = this.answers[event];
          if (!answer || !this.connected) return reject(new Error("operation has timed out"));
          Promise.resolve(answer(payload as never)).then(resolve, reject);
        }),
    };
  }

  /** The server lets the last attempt in. */
  accept() {
    if (this.connected || !this.active) return;
    this.connected = true;
    this.fire("connect");
  }

  /** The server refuses the attempt (its middleware's error), as with a bad token. */
  refuse(message: string) {
    this.active = false;
    this.fire("connect_error", new Error(message));
  }

  /** The connection drops; `io server disconnect` means the server closed it. */
  drop(reason = "transport close") {
    this.connected = false;
    if (reason === "io server disconnect") this.active = false;
    this.fire("disconnect", reason);
  }

  /** The server pushes an event. */
  push(event: string, data: unknown) {
    act(() => this.fire(event, data));
  }

  /** What the client emitted under `event`. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }

  private fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

/**
 * Makes the mocked `createSocket` hand out fake sockets, each set up by
 * `prepare` before it is used; `sockets.at(-1)` is the latest.
 */
export function fakeSockets(createSocket: Mock<(token: () => string) => ChatSocket>, prepare?: (socket: FakeSocket) => void): FakeSocket[] {
  const sockets: FakeSocket[] = [];
  createSocket.mockImplementation((token) => {
    const socket = new FakeSocket(token);
    prepare?.(socket);
    sockets.push(socket);
    return socket as unknown as ChatSocket;
  });
  return sockets;
}
