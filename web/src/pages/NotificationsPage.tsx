import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listNotifications, markNotificationsRead } from "../api/notifications";
import { EmailPreferences } from "../components/EmailPreferences";
import { FormErrors } from "../components/FormErrors";
import { LoadMore } from "../components/LoadMore";
import { ErrorPanel, Loading } from "../components/Status";
import { formatAgo } from "../lib/labels";
import { describeNotification } from "../lib/notifications";
import { usePaged } from "../lib/usePaged";
import { unreadNotificationsQuery } from "./marketQueries";

export function NotificationsPage() {
  const queryClient = useQueryClient();
  const notifications = usePaged(["notifications", "list"], (cursor) => listNotifications({ cursor }));
  const unread = useQuery(unreadNotificationsQuery()).data?.unread_count ?? 0;
  const markRead = useMutation({
    mutationFn: (id?: string) => markNotificationsRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });

  return (
    <div className="stack narrow">
      <div className="page-heading">
        <h1>Notifications</h1>
        {unread > 0 && (
          <button type="button" className="button button--secondary button--small" disabled={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            Mark all as read
          </button>
        )}
      </div>
      <FormErrors error={markRead.error} />
      {notifications.isPending ? (
        <Loading label="Loading notifications…" />
      ) : !notifications.data ? (
        <ErrorPanel error={notifications.error} retry={() => notifications.refetch()} />
      ) : notifications.items.length === 0 ? (
        <div className="card empty-state">
          <h2>Nothing yet</h2>
          <p className="muted">Proposals, invitations and hires will show up here.</p>
        </div>
      ) : (
        <ul className="list notifications" aria-label="Notifications">
          {notifications.items.map((notification) => {
            const { text, href } = describeNotification(notification);
            const isUnread = !notification.read_at;
            return (
              <li key={notification.id} className={`card notification${isUnread ? " is-unread" : ""}`}>
                <Link to={href} onClick={() => isUnread && markRead.mutate(notification.id)}>
                  {isUnread && <span className="visually-hidden">Unread: </span>}
                  {text}
                </Link>
                <span className="muted">{formatAgo(notification.created_at)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore
        hasMore={notifications.hasNextPage}
        loading={notifications.isFetchingNextPage}
        error={notifications.isFetchNextPageError ? notifications.error : null}
        onLoad={() => notifications.fetchNextPage()}
      />
      <EmailPreferences />
    </div>
  );
}
