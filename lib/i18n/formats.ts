import type { Formats } from "next-intl";

/**
 * Named formats for dates and numbers, each shown as its locale writes it (`format.dateTime(d, "day")`,
 * `{published, date, day}` in a message): a day (a date without a time: publication days, dates claims were made),
 * an instant (when something happened on the desk, to the minute) and a count.
 */
export const FORMATS = {
  dateTime: {
    day: { dateStyle: "medium" },
    instant: { dateStyle: "medium", timeStyle: "short" },
  },
  number: {
    count: { maximumFractionDigits: 0 },
  },
} satisfies Formats;
