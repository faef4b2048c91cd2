import { useTranslations } from "next-intl";
import ReactMarkdown from "react-markdown";

/**
 * Renders a rationale written in Markdown safely: raw HTML is dropped (never rendered),
 * react-markdown's URL filter removes `javascript:` and other unsafe links, and links
 * carry `nofollow noopener`.
 */
export function Markdown({ text }: { text: string }) {
  const t = useTranslations("common.markdown");
  return (
    <div className="space-y-3 leading-relaxed [&_blockquote]:border-s-4 [&_blockquote]:border-line [&_blockquote]:ps-3 [&_li]:ms-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="nofollow noopener noreferrer" className="text-accent underline">
              {children}
            </a>
          ),
          img: ({ alt }) => <span>{t("image", { alt: alt ?? "" })}</span>,
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
