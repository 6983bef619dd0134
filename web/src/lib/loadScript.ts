const loading = new Map<string, Promise<void>>();

/**
 * Adds `<script src={url}>` to the page once and resolves when it has run.
 * Every caller of the same URL shares the one promise; a script that fails
 * to load is taken out again, so the next call tries afresh.
 */
export function loadScript(url: string, attributes: Record<string, string> = {}): Promise<void> {
  let promise = loading.get(url);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
      script.addEventListener("load", () => resolve());
      script.addEventListener("error", () => {
        loading.delete(url);
        script.remove();
        reject(new Error(`Could not load ${url}.`));
      });
      document.head.appendChild(script);
    });
    loading.set(url, promise);
  }
  return promise;
}

/** Forgets every script loaded so far; for tests, which each start from a fresh page. */
export function forgetScripts() {
  loading.clear();
  for (const script of document.head.querySelectorAll("script[src]")) script.remove();
}
