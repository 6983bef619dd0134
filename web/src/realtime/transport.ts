import { markConversationRead, postMessage, type ChatTarget } from "../api/chats";
import type { Message } from "../api/types";
import type { Realtime } from "./realtime";

export interface Draft {
  body: string;
  attachments: string[];
  /** The same for every attempt at one message, so that it is stored once. */
  clientId: string;
}

/** Sends over the socket when it is up, over HTTP otherwise; either way a re-send with the same client id stores nothing new. */
export function sendMessage(realtime: Realtime | null, to: ChatTarget, draft: Draft): Promise<Message> {
  const attachments = draft.attachments.length > 0 ? draft.attachments : undefined;
  if (realtime?.connected) {
    const target = "conversationId" in to ? { conversation_id: to.conversationId } : { to_user_id: to.userId };
    return realtime.send({ ...target, body: draft.body, attachments, client_id: draft.clientId });
  }
  return postMessage(to, { body: draft.body, attachments, client_id: draft.clientId });
}

/** Marks a conversation read up to `seq`, over the socket when it is up; resolves with the read mark kept. */
export async function markRead(realtime: Realtime | null, conversationId: string, seq: number): Promise<number> {
  if (realtime?.connected) return realtime.markRead(conversationId, seq);
  return (await markConversationRead(conversationId, seq)).read_seq;
}
