import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { listMessagesWith } from "../api/chats";
import type { Message } from "../api/types";
import { useSession } from "../auth/session";
import { conversationQuery, messagesKey } from "../pages/chatQueries";
import { applyReadMark, refreshChats } from "../realtime/chatCache";
import { useRealtime, useRealtimeEvent } from "../realtime/RealtimeProvider";
import { markRead, sendMessage } from "../realtime/transport";
import { flattenHistory, lastSeq, mergeMessage, newClientId, type History } from "./chatMessages";

export interface OutgoingFile {
  id: string;
  name: string;
}

/** A message on its way: shown until the server has it, or with a retry once it failed. */
export interface Outgoing {
  clientId: string;
  body: string;
  attachments: OutgoingFile[];
  status: "sending" | "failed";
  error?: unknown;
  createdAt: string;
}

/** How long a "typing" lasts without news, in case its end was lost. */
export const PEER_TYPING_MS = 6_000;

/**
 * The conversation with `peerId`: its history (with older pages on demand),
 * kept current by pushes and by syncs after each reconnection; sending with
 * a client id per message, pending and failed states and retries; both read
 * marks, and marking read while the page is visible.
 */
export function useChat(peerId: string) {
  const me = useSession()?.user.id;
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const key = useMemo(() => messagesKey(peerId), [peerId]);

  const history = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => listMessagesWith(peerId, { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Pushes and syncs keep it current; a refetch could drop what they brought.
    staleTime: Infinity,
  });
  const conversationId = history.data?.pages[0]?.conversation_id ?? null;
  const messages = useMemo(() => flattenHistory(history.data), [history.data]);
  const loaded = history.data !== undefined;

  const held = useCallback(() => queryClient.getQueryData<History>(key), [queryClient, key]);
  const merge = useCallback(
    (incoming: Message[]) => queryClient.setQueryData<History>(key, (current) => (current ? incoming.reduce(mergeMessage, current) : current)),
    [queryClient, key],
  );

  // Catch up now and after every reconnection.
  useEffect(() => {
    if (!realtime || !conversationId || !loaded) return;
    return realtime.watch(conversationId, () => lastSeq(held()), merge);
  }, [realtime, conversationId, loaded, held, merge]);

  // Sending.
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const update = (clientId: string, change: Partial<Outgoing> | null) =>
    setOutgoing((list) => (change ? list.map((o) => (o.clientId === clientId ? { ...o, ...change } : o)) : list.filter((o) => o.clientId !== clientId)));

  async function deliver(item: Outgoing) {
    update(item.clientId, { status: "sending", error: undefined });
    const current = held()?.pages[0]?.conversation_id;
    try {
      const message = await sendMessage(realtime, current ? { conversationId: current } : { userId: peerId }, {
        body: item.body,
        attachments: item.attachments.map((a) => a.id),
        clientId: item.clientId,
      });
      merge([message]);
      update(item.clientId, null);
      void refreshChats(queryClient);
    } catch (error) {
      update(item.clientId, { status: "failed", error });
    }
  }

  function send(body: string, attachments: OutgoingFile[] = []) {
    const item: Outgoing = { clientId: newClientId(), body, attachments, status: "sending", createdAt: new Date().toISOString() };
    setOutgoing((list) => [...list, item]);
    void deliver(item);
  }

  function retry(clientId: string) {
    const item = outgoing.find((o) => o.clientId === clientId);
    if (item && item.status === "failed") void deliver(item);
  }

  const discard = (clientId: string) => update(clientId, null);

  // Once the server has a message (its push may beat the ack), it stands in for the pending one.
  const pending = useMemo(() => {
    const stored = new Set(messages.filter((m) => m.sender_id === me && m.client_id).map((m) => m.client_id));
    return outgoing.filter((o) => !stored.has(o.clientId));
  }, [messages, outgoing, me]);

  // Read marks.
  const conversation = useQuery({ ...conversationQuery(conversationId ?? ""), enabled: conversationId !== null });
  const readSeq = (user: string | undefined) => conversation.data?.read.find((mark) => mark.user_id === user)?.read_seq ?? 0;
  const peerReadSeq = readSeq(peerId);
  const myReadSeq = readSeq(me);

  const visible = usePageVisible();
  const newest = messages.at(-1)?.seq ?? 0;
  const newestFromPeer = messages.reduce((max, m) => (m.sender_id === peerId ? Math.max(max, m.seq) : max), 0);
  const asked = useRef(0);
  const marksKnown = conversation.data !== undefined || conversation.isError;
  useEffect(() => {
    if (!conversationId || !visible || !marksKnown || !me) return;
    if (newestFromPeer <= Math.max(myReadSeq, asked.current)) return;
    asked.current = newest;
    markRead(realtime, conversationId, newest).then(
      (seq) => {
        applyReadMark(queryClient, { conversation_id: conversationId, user_id: me, seq });
        void refreshChats(queryClient);
      },
      () => {
        asked.current = 0; // try again on the next change
      },
    );
  }, [conversationId, visible, marksKnown, me, newest, newestFromPeer, myReadSeq, realtime, queryClient]);

  // The peer typing.
  const [peerTyping, setPeerTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useRealtimeEvent("typing", (event) => {
    if (event.user_id !== peerId || event.conversation_id !== conversationId) return;
    clearTimeout(typingTimer.current);
    setPeerTyping(event.typing);
    if (event.typing) typingTimer.current = setTimeout(() => setPeerTyping(false), PEER_TYPING_MS);
  });
  useRealtimeEvent("message:new", (message) => {
    if (message.sender_id === peerId) {
      clearTimeout(typingTimer.current);
      setPeerTyping(false);
    }
  });
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  return {
    me,
    history,
    conversationId,
    messages,
    pending,
    send,
    retry,
    discard,
    merge,
    peerReadSeq,
    peerTyping,
  };
}

export type Chat = ReturnType<typeof useChat>;

/** How long after the last keystroke "typing" ends. */
export const TYPING_IDLE_MS = 2_500;
/** While typing goes on, "typing" is said again this often (the peer forgets it after `PEER_TYPING_MS`). */
const TYPING_REPEAT_MS = 3_000;

/** Tells the peer when the user types and stops (after a pause, on send, on leaving). */
export function useTypingSignal(conversationId: string | null) {
  const realtime = useRealtime();
  const state = useRef({ typing: false, saidAt: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });

  const stop = useCallback(() => {
    const s = state.current;
    clearTimeout(s.timer);
    if (s.typing && realtime && conversationId) realtime.typing(conversationId, false);
    s.typing = false;
  }, [realtime, conversationId]);

  const onInput = useCallback(
    (text: string) => {
      if (!realtime || !conversationId) return;
      if (!text.trim()) return stop();
      const s = state.current;
      const now = Date.now();
      if (!s.typing || now - s.saidAt >= TYPING_REPEAT_MS) {
        realtime.typing(conversationId, true);
        s.typing = true;
        s.saidAt = now;
      }
      clearTimeout(s.timer);
      s.timer = setTimeout(stop, TYPING_IDLE_MS);
    },
    [realtime, conversationId, stop],
  );

  useEffect(() => stop, [stop]);
  return { onInput, stop };
}

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

/** Whether the page is on screen (not in a background tab or a minimised window). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState !== "hidden", () => true);
}
