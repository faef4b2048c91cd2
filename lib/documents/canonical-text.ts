/**
 * The canonical text of a document: `\n` line ends, Unicode NFC, no trailing spaces,
 * paragraphs separated by exactly one blank line, no leading or trailing blank lines.
 * Claim offsets count code points of this text, so it must be computed the same way everywhere.
 */
export function toCanonicalText(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, "\n")
      // Control characters other than tab and newline: a browser drops some of them, which
      // would shift every offset after them.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .normalize("NFC")
      .split(/\n[ \t]*\n\s*/)
      .map((p) =>
        p
          .split("\n")
          .map((line) => line.replace(/[ \t]+$/, ""))
          .join("\n")
          .trim(),
      )
      .filter((p) => p.length > 0)
      .join("\n\n")
  );
}

/**
 * Some wire copy arrives with a ` date YYYY-MM-DD ` marker before the lead sentence (the
 * fixture article does). Returns the date and the text without the marker.
 */
export function extractDateMarker(text: string): { date: string | null; text: string } {
  const match = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/i.exec(text);
  if (!match) return { date: null, text };
  return { date: match[1]!, text: text.slice(match[0].length) };
}
