/** The sign-up page's query parameter that fills in the invitation code
 * (the server's invitation mails link with it too). */
export const INVITE_PARAM = "invite";

/** The address to hand someone so they sign up with `code` already filled in. */
export function signupLink(code: string): string {
  return `${window.location.origin}/signup?${new URLSearchParams({ [INVITE_PARAM]: code })}`;
}

