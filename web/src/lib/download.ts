/** How long an object URL stays valid: long enough for the tab or the save to read it. */
const URL_LIFETIME_MS = 60_000;

function objectUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  return url;
}

/**
 * Shows `blob` in `tab`, a tab opened during the click (so no pop-up
 * blocker stops it); without one, in a new tab now.
 */
export function showInTab(blob: Blob, tab: Window | null) {
  const url = objectUrl(blob);
  if (tab) tab.location.href = url;
  else window.open(url, "_blank", "noopener");
}

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "text/html": "html",
};

/** "attachment-1" becomes "attachment-1.pdf" for a PDF; a name with an extension stays. */
export function fileName(name: string, type: string): string {
  if (/\.[a-z0-9]+$/i.test(name)) return name;
  const extension = EXTENSIONS[type.split(";")[0].trim().toLowerCase()];
  return extension ? `${name}.${extension}` : name;
}

/** Saves `blob` as a download named `name`. */
export function saveBlob(blob: Blob, name: string) {
  const link = document.createElement("a");
  link.href = objectUrl(blob);
  link.download = fileName(name, blob.type);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
