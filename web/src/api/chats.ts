import { api, unwrap } from "./client";
import type { ChatList, Conversation, Message, MessagePage, ReadMark, SendMessage } from "./types";

/** The caller's conversations, the most recently active first, with the unread total. */
export function listChats(query: { cursor?: string; limit?: number } = {}): Promise<ChatList> {
  return unwrap(api.GET("/api/chats", { params: { query } }));
}

/** History with a user, newest first; `next_cursor` pages back in time. */
export function listMessagesWith(userId: string, query: { cursor?: string; limit?: number } = {}): Promise<MessagePage> {
  return unwrap(api.GET("/api/chats/{id}/messages", { params: { path: { id: userId }, query } }));
}

/** A conversation with how far each member has read. */
export function getConversation(id: string): Promise<Conversation> {
  return unwrap(api.GET("/api/conversations/{id}", { params: { path: { id } } }));
}

/** What came after `afterSeq`, oldest first. */
export function listMessagesAfter(id: string, afterSeq: number, limit?: number): Promise<MessagePage> {
  return unwrap(api.GET("/api/conversations/{id}/messages", { params: { path: { id }, query: { after_seq: afterSeq, limit } } }));
}

/** Sends to a conversation, or to a user (which starts the conversation). */
export function postMessage(to: ChatTarget, message: SendMessage): Promise<Message> {
  if ("conversationId" in to) {
    return unwrap(api.POST("/api/conversations/{id}/messages", { params: { path: { id: to.conversationId } }, body: message }));
  }
  return unwrap(api.POST("/api/chats/{id}", { params: { path: { id: to.userId } }, body: message }));
}

export function markConversationRead(id: string, seq: number): Promise<ReadMark> {
  return unwrap(api.POST("/api/conversations/{id}/read", { params: { path: { id } }, body: { seq } }));
}

export function editMessage(id: string, body: string): Promise<Message> {
  return unwrap(api.PATCH("/api/messages/{id}", { params: { path: { id } }, body: { body } }));
}

/** Deletes one's own message; it comes back as a tombstone. */
export function deleteMessage(id: string): Promise<Message> {
  return unwrap(api.DELETE("/api/messages/{id}", { params: { path: { id } } }));
}

/** Where a message goes: an existing conversation, or the user to start one with. */
export type ChatTarget = { conversationId: string } | { userId: string };
