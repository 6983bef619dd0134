interface AvatarProps {
  name: string;
  url?: string | null;
  size?: "small" | "large";
}

/** A person's picture, or their initials when they have none. */
export function Avatar({ name, url, size = "large" }: AvatarProps) {
  const className = `avatar avatar--${size}`;
  if (url) return <img className={className} src={url} alt={`${name}'s avatar`} />;
  return (
    <span className={`${className} avatar--initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? "").join("") || "?";
}
