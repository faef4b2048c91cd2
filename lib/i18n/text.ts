import { createTranslator, type Messages } from "next-intl";
import en from "./messages/en.json";
import { TIME_ZONE } from "./catalogue";
import { FORMATS } from "./formats";

const english = createTranslator({ locale: "en", messages: en as Messages, timeZone: TIME_ZONE, formats: FORMATS });

/** A key of the message catalogues (a full path: `errors.users.notFound`). */
export type MessageKey = Parameters<typeof english>[0];
export type MessageValues = Record<string, string | number | Date>;
/**
 * A translation function of some locale that takes full keys: next-intl's `getTranslations()` with no namespace, or
 * `translatorFor(locale)`. Typed loosely (any such function fits) and called with catalogue keys only, here.
 */
export type Translate = (key: never, values?: never) => string;
type Say = (key: MessageKey, values?: MessageValues) => string;
/** A Text's values: a value may be another Text, said in the same language as the message it is part of. */
export type TextValues = Record<string, MessageValues[string] | Text>;

/**
 * Words for people made far from any page — a service's refusal, a field's problem — kept as a catalogue key and its
 * values, so that the interface shows them in its reader's language (`in(t)`), while the API, logs and the command
 * line's default read them in English (`toString()`).
 */
export class Text {
  constructor(
    readonly key: MessageKey,
    readonly values?: TextValues,
  ) {}

  toString(): string {
    return (english as unknown as Say)(this.key, said(this.values, String));
  }

  in(t: Translate): string {
    return (t as unknown as Say)(
      this.key,
      said(this.values, (value) => value.in(t)),
    );
  }
}

/** `values` with each Text value said (in the language `say` says it in). */
function said(values: TextValues | undefined, say: (value: Text) => string): MessageValues | undefined {
  if (!values || !Object.values(values).some((v) => v instanceof Text)) return values as MessageValues | undefined;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Text ? say(v) : v]));
}

export const text = (key: MessageKey, values?: TextValues) => new Text(key, values);

/** The English messages schemas were given (`issueMessage`), by their text. */
const issueTexts = new Map<string, Text>();

/**
 * A zod schema's message for a field (`{ error: issueMessage("validation.text") }`): its English text, which zod
 * carries, remembered with its key so that the interface can show it in its reader's language
 * (`textOfIssueMessage`). For messages fixed when a schema is made — their variety is bounded.
 */
export function issueMessage(key: MessageKey, values?: MessageValues): string {
  const t = new Text(key, values);
  const message = t.toString();
  issueTexts.set(message, t);
  return message;
}

/** The catalogue message a schema's English issue message came from, if it came from one. */
export function textOfIssueMessage(message: string): Text | undefined {
  return issueTexts.get(message);
}

/**
 * A message that lists other catalogue texts ("Not ready to publish. Missing: a rating; a one-line summary."): the
 * list is the value `list`, each item said in the same language as the message, joined by `separator`.
 */
class JoinedText extends Text {
  constructor(
    key: MessageKey,
    values: TextValues,
    private readonly items: readonly Text[],
    private readonly separator: string,
  ) {
    super(key, values);
  }

  override toString(): string {
    return this.with(this.items.map(String)).toString();
  }

  override in(t: Translate): string {
    return this.with(this.items.map((item) => item.in(t))).in(t);
  }

  private with(items: string[]): Text {
    return new Text(this.key, { ...this.values, list: items.join(this.separator) });
  }
}

/** `key`'s message with `items`, each in the message's language, as its `{list}` (see JoinedText). */
export function joinedText(key: MessageKey, items: readonly Text[], values: TextValues = {}, separator = "; "): Text {
  return new JoinedText(key, values, items, separator);
}
