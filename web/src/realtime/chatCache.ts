import type { QueryClient } from "@tanstack/react-query";
import type { Conversation, Message } from "../api/types";
import { mergeMessage, type History } from "../lib/chatMessages";
import { conversationQuery } from "../pages/chatQueries";
import type { ReadEvent } from "./socket";

/**
 * Puts messages into the loaded histories they belong to: the one of their
 * conversation, or (before it has one) the history with `from`, the peer
 * they came from. Answers whether any history took them.
 */
export function applyMessages(queryClient: QueryClient, messages: Message[], from?: string): boolean {
  let applied = false;
  for (const [key, history] of queryClient.getQueriesData<History>({ queryKey: ["messages"] })) {
    if (!history?.pages.length) continue;
    const conversationId = history.pages[0].conversation_id ?? null;
    const peer = key[1];
    const mine = messages.filter((m) => (conversationId ? m.conversation_id === conversationId : from !== undefined && from === peer));
    if (mine.length === 0) continue;
    queryClient.setQueryData<History>(key, (held) => (held ? mine.reduce(mergeMessage, held) : held));
    applied = true;
  }
  return applied;
}

/** Histories not yet tied to a conversation: a message sent from another tab may have started one. */
export function refetchUnstartedHistories(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    queryKey: ["messages"],
    predicate: (query) => !(query.state.data as History | undefined)?.pages[0]?.conversation_id,
  });
}

/** Moves a member's read mark forward in the loaded conversation. */
export function applyReadMark(queryClient: QueryClient, event: ReadEvent) {
  queryClient.setQueryData<Conversation>(conversationQuery(event.conversation_id).queryKey, (held) => {
    if (!held) return held;
    const others = held.read.filter((mark) => mark.user_id !== event.user_id);
    const before = held.read.find((mark) => mark.user_id === event.user_id)?.read_seq ?? 0;
    return { ...held, read: [...others, { user_id: event.user_id, read_seq: Math.max(before, event.seq) }] };
  });
}

/** The conversation list and the unread total. */
export function refreshChats(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ["chats"] });
}
