/**
 * What XML 1.0 cannot hold at all, escaped or not (its `Char` production): C0 controls other than TAB, LF and CR
 * (U+000B, Word's line break, among them), lone surrogates, U+FFFE and U+FFFF. One such character in a published text
 * would make a whole feed or sitemap unreadable to every strict parser; they are dropped (NUL too, though no text
 * field takes one).
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text without the characters XML 1.0 cannot hold. */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, "");
}

/**
 * Text as XML 1.0 element content or a quoted attribute value: the characters XML cannot hold dropped, then `&`, `<`,
 * `>` and both quotes escaped. Every XML the app writes (the Atom feed, the sitemaps) goes through it.
 */
export function escapeXml(s: string): string {
  return xmlChars(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}
