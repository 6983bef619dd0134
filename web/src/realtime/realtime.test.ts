import { describe, expect, it, vi } from "vitest";
import { waitFor } from "@testing-library/react";
import { refreshAccessToken } from "../api/client";
import { ApiError } from "../api/errors";
import { getSession, setSession } from "../api/session";
import type { Message } from "../api/types";
import { FakeSocket } from "../test/fakeSocket";
import { CONVERSATION_ID, chatMessage } from "../test/fixtures";
import { json, mockApi } from "../test/utils";
import { Realtime } from "./realtime";
import type { ChatSocket } from "./socket";

const user = { id: "u1", email: "ada@example.com", name: "Ada", role: "freelancer" as const };

function open({ autoAccept = true } = {}) {
  setSession({ accessToken: "access-1", refreshToken: "refresh-1", user });
  const holder: { socket?: FakeSocket } = {};
  const realtime = new Realtime({
    createSocket: (token) => {
      holder.socket = new FakeSocket(token);
      holder.socket.autoAccept = autoAccept;
      return holder.socket as unknown as ChatSocket;
    },
    getToken: () => getSession()?.accessToken ?? null,
    refresh: refreshAccessToken,
  });
  return { realtime, socket: holder.socket! };
}

/** A conversation held up to `upTo`, growing as syncs bring more. */
function held(upTo: number) {
  const messages: Message[] = Array.from({ length: upTo }, (_, i) => chatMessage(i + 1));
  return {
    messages,
    afterSeq: () => messages.at(-1)?.seq ?? 0,
    apply: (more: Message[]) => messages.push(...more),
  };
}

describe("Realtime", () => {
  it("connects with the access token and syncs a watched conversation from the newest message held, batch after batch", async () => {
    const { realtime, socket } = open();
    socket.answers.sync = ({ after_seq }: { after_seq: number }) =>
      after_seq === 3 ? { messages: [chatMessage(4), chatMessage(5)], has_more: true } : { messages: [chatMessage(6)], has_more: false };
    const conversation = held(3);
    realtime.watch(CONVERSATION_ID, conversation.afterSeq, conversation.apply);
    realtime.start();

    await waitFor(() => expect(conversation.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]));
    expect(socket.tokens).toEqual(["access-1"]);
    expect(realtime.getStatus()).toBe("online");
    expect(socket.sent("sync")).toEqual([
      { conversation_id: CONVERSATION_ID, after_seq: 3 },
      { conversation_id: CONVERSATION_ID, after_seq: 5 },
    ]);
  });

  it("syncs again after a dropped connection, from where it got to, and says it reconnected", async () => {
    const { realtime, socket } = open();
    socket.answers.sync = () => ({ messages: [], has_more: false });
    const conversation = held(2);
    const reconnected = vi.fn();
    realtime.onReconnect(reconnected);
    realtime.watch(CONVERSATION_ID, conversation.afterSeq, conversation.apply);
    realtime.start();
    await waitFor(() => expect(socket.sent("sync")).toHaveLength(1));
    expect(reconnected).not.toHaveBeenCalled();

    socket.drop();
    expect(realtime.getStatus()).toBe("offline");
    // Pushed while away, then found by the sync.
    socket.answers.sync = ({ after_seq }: { after_seq: number }) => ({ messages: after_seq === 2 ? [chatMessage(3)] : [], has_more: false });
    socket.accept();
    await waitFor(() => expect(conversation.messages.map((m) => m.seq)).toEqual([1, 2, 3]));
    expect(socket.sent("sync").at(-1)).toEqual({ conversation_id: CONVERSATION_ID, after_seq: 2 });
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it("syncs a conversation as soon as it is watched, and no more once let go", async () => {
    const { realtime, socket } = open();
    socket.answers.sync = () => ({ messages: [], has_more: false });
    realtime.start();
    await waitFor(() => expect(realtime.connected).toBe(true));
    const stop = realtime.watch(CONVERSATION_ID, () => 7, () => {});
    await waitFor(() => expect(socket.sent("sync")).toEqual([{ conversation_id: CONVERSATION_ID, after_seq: 7 }]));
    stop();
    socket.drop();
    socket.accept();
    await Promise.resolve();
    expect(socket.sent("sync")).toHaveLength(1);
  });

  it("trades a refused access token for a fresh one and reconnects with it", async () => {
    const { calls } = mockApi({
      "POST /api/auth/refresh": () => json({ user, access_token: "access-2", refresh_token: "refresh-2" }),
    });
    const { realtime, socket } = open({ autoAccept: false });
    realtime.start();
    socket.refuse("invalid_token: the access token is invalid or has expired");
    await waitFor(() => expect(socket.tokens).toEqual(["access-1", "access-2"]));
    expect(calls.map((c) => c.body)).toEqual([{ refresh_token: "refresh-1" }]);
    socket.accept();
    expect(realtime.getStatus()).toBe("online");
    expect(getSession()).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });
  });

  it("stays away once the session cannot be renewed", async () => {
    mockApi({
      "POST /api/auth/refresh": () => json({ error: { code: "session_ended", message: "the session has ended" } }, 401),
    });
    const { realtime, socket } = open({ autoAccept: false });
    realtime.start();
    socket.refuse("invalid_token: the access token is invalid or has expired");
    await waitFor(() => expect(getSession()).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(socket.tokens).toEqual(["access-1"]);
    expect(realtime.getStatus()).toBe("offline");
  });

  it("comes back after the server closes the connection", async () => {
    const { realtime, socket } = open();
    realtime.start();
    await waitFor(() => expect(realtime.connected).toBe(true));
    socket.drop("io server disconnect");
    expect(realtime.getStatus()).toBe("offline");
    await waitFor(() => expect(realtime.getStatus()).toBe("online"), { timeout: 3000 });
    expect(socket.tokens).toEqual(["access-1", "access-1"]);
  });

  it("sends a message and answers the stored one; a refusal or a lost ack is an error", async () => {
    const { realtime, socket } = open();
    realtime.start();
    await waitFor(() => expect(realtime.connected).toBe(true));
    const stored = chatMessage(9, { client_id: "k1" });
    socket.answers["message:send"] = () => ({ message: stored });
    await expect(realtime.send({ conversation_id: CONVERSATION_ID, body: "Hi", client_id: "k1" })).resolves.toEqual(stored);
    expect(socket.sent("message:send")).toEqual([{ conversation_id: CONVERSATION_ID, body: "Hi", client_id: "k1" }]);

    socket.answers["message:send"] = () => ({ error: { code: "chat_not_allowed", message: "you can message people you have a proposal with" } });
    await expect(realtime.send({ to_user_id: "u2", body: "Hi" })).rejects.toMatchObject({ code: "chat_not_allowed" });

    delete socket.answers["message:send"];
    const lost = realtime.send({ conversation_id: CONVERSATION_ID, body: "Hi" });
    await expect(lost).rejects.toBeInstanceOf(ApiError);
    await expect(lost).rejects.toMatchObject({ code: "no_answer" });
  });

  it("closes the socket when stopped", async () => {
    const { realtime, socket } = open();
    realtime.start();
    await waitFor(() => expect(realtime.connected).toBe(true));
    realtime.stop();
    expect(socket.connected).toBe(false);
    expect(realtime.connected).toBe(false);
  });
});
