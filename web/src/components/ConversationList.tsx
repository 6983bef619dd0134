import { Link } from "react-router";
import { listChats } from "../api/chats";
import { useSession } from "../auth/session";
import { describeLastMessage } from "../lib/chatMessages";
import { formatAgo } from "../lib/labels";
import { usePaged } from "../lib/usePaged";
import { chatListKey } from "../pages/chatQueries";
import { Avatar } from "./Avatar";
import { LoadMore } from "./LoadMore";
import { ErrorPanel, Loading } from "./Status";

/** The caller's conversations, the most recent first: who, the last message, and how many are unread. */
export function ConversationList({ selected }: { selected?: string }) {
  const me = useSession()?.user.id;
  const chats = usePaged(chatListKey, (cursor) => listChats({ cursor }));

  if (chats.isPending) return <Loading label="Loading conversations…" />;
  if (!chats.data) return <ErrorPanel error={chats.error} retry={() => chats.refetch()} />;
  if (chats.items.length === 0) {
    return <p className="muted">No conversations yet. Message a client or a freelancer from a proposal, a contract or their profile.</p>;
  }
  return (
    <>
      <ul className="conversation-list" aria-label="Conversations">
        {chats.items.map((chat) => {
          const isSelected = chat.user.id === selected;
          const unread = chat.unread_count;
          return (
            <li key={chat.conversation_id}>
              <Link
                to={`/messages/${chat.user.id}`}
                className={["conversation", isSelected ? "is-selected" : "", unread > 0 ? "is-unread" : ""].filter(Boolean).join(" ")}
                aria-current={isSelected ? "page" : undefined}
              >
                <Avatar name={chat.user.name} url={chat.user.avatar_url} size="small" />
                <span className="conversation__main">
                  <span className="conversation__name">{chat.user.name}</span>
                  <span className="conversation__preview">{describeLastMessage(chat, me)}</span>
                </span>
                <span className="conversation__side">
                  {chat.updated_at && <span className="conversation__time">{formatAgo(chat.updated_at)}</span>}
                  {unread > 0 && (
                    <span className="nav__badge">
                      {unread}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <LoadMore
        hasMore={chats.hasNextPage}
        loading={chats.isFetchingNextPage}
        error={chats.isFetchNextPageError ? chats.error : null}
        onLoad={() => chats.fetchNextPage()}
      />
    </>
  );
}
