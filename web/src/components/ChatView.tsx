import { useLayoutEffect, useRef } from "react";
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { fileUrl } from "../api/endpoints";
import { seenAt } from "../lib/chatMessages";
import { useChat, useTypingSignal } from "../lib/useChat";
import { publicProfileQuery } from "../pages/profileQueries";
import { useRealtime, useRealtimeStatus } from "../realtime/RealtimeProvider";
import { Avatar } from "./Avatar";
import { ChatMessage, PendingMessage } from "./ChatMessage";
import { LoadMore } from "./LoadMore";
import { MessageComposer } from "./MessageComposer";
import { ErrorPanel, Loading } from "./Status";

/** Closer than this to the bottom, new messages keep the view at the bottom. */
const NEAR_BOTTOM_PX = 80;
/** Closer than this to the top, older messages load. */
const NEAR_TOP_PX = 40;

/** The conversation with one user: history, live messages, typing and read receipts, and the box to write in. */
export function ChatView({ peerId }: { peerId: string }) {
  const chat = useChat(peerId);
  const peer = useQuery(publicProfileQuery(peerId));
  const name = peer.data?.name ?? "…";
  const avatarUrl = peer.data ? (peer.data.avatar_url ?? (peer.data.avatar_file_id ? fileUrl(peer.data.avatar_file_id) : null)) : null;
  const live = useRealtime() !== null;
  const status = useRealtimeStatus();
  const typing = useTypingSignal(chat.conversationId);
  const { history, messages, pending } = chat;
  const seen = seenAt(messages, chat.me, chat.peerReadSeq);

  const scroller = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const shown = useRef({ first: 0, last: 0, pending: 0, height: 0 });
  const first = messages[0]?.seq ?? 0;
  const last = messages.at(-1)?.seq ?? 0;
  // Older messages keep the reader's place; newer ones (and one's own) bring the view down.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const before = shown.current;
    if (before.first !== 0 && first < before.first && last === before.last) {
      box.scrollTop += box.scrollHeight - before.height;
    } else if (last !== before.last || pending.length > before.pending) {
      const mine = pending.length > before.pending || messages.at(-1)?.sender_id === chat.me;
      if (nearBottom.current || mine) box.scrollTop = box.scrollHeight;
    }
    shown.current = { first, last, pending: pending.length, height: box.scrollHeight };
  });

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;
  function onScroll() {
    const box = scroller.current;
    if (!box) return;
    nearBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
    if (box.scrollTop < NEAR_TOP_PX && hasNextPage && !isFetchingNextPage && !history.isFetchNextPageError) void fetchNextPage();
  }

  return (
    <section className="chat" aria-labelledby="chat-title">
      <header className="chat__head">
        <Link to="/messages" className="chat__back">
          ‹ All messages
        </Link>
        <Avatar name={name} url={avatarUrl} size="small" />
        <div>
          <h2 id="chat-title" className="chat__title">
            <Link to={`/users/${peerId}`}>{name}</Link>
          </h2>
          <p className="chat__typing" role="status">
            {chat.peerTyping ? `${name} is typing…` : ""}
          </p>
        </div>
      </header>
      {live && status === "offline" && <p className="notice notice--muted chat__offline">Reconnecting… New messages will show up once the connection is back.</p>}
      <div className="chat__scroll" ref={scroller} onScroll={onScroll}>
        <LoadMore
          hasMore={hasNextPage}
          loading={isFetchingNextPage}
          error={history.isFetchNextPageError ? history.error : null}
          onLoad={() => fetchNextPage()}
          label="Load older messages"
        />
        {history.isPending ? (
          <Loading label="Loading messages…" />
        ) : !history.data ? (
          <ErrorPanel error={history.error} retry={() => history.refetch()} />
        ) : messages.length === 0 && pending.length === 0 ? (
          <p className="muted chat__empty">No messages yet. Say hello to {name}.</p>
        ) : null}
        <ol className="chat__messages" aria-label={`Messages with ${name}`}>
          {messages.map((message) => (
            <ChatMessage
              key={message.id}
              message={message}
              mine={message.sender_id === chat.me}
              senderName={name}
              seen={message.seq === seen}
              onChanged={(changed) => chat.merge([changed])}
            />
          ))}
          {pending.map((message) => (
            <PendingMessage key={message.clientId} message={message} onRetry={() => chat.retry(message.clientId)} onDiscard={() => chat.discard(message.clientId)} />
          ))}
        </ol>
      </div>
      <MessageComposer
        label={`Write to ${name}`}
        disabled={!history.data}
        onInput={typing.onInput}
        onSend={(body, attachments) => {
          typing.stop();
          chat.send(body, attachments);
        }}
      />
    </section>
  );
}
