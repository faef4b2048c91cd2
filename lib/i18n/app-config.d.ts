import type { FORMATS } from "./formats";
import type messages from "./messages/en.json";

// The default locale's catalogue is the shape of every catalogue: a message key that is not in it fails the type check.
declare module "next-intl" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting next-intl needs an interface
  interface AppConfig {
    Messages: typeof messages;
    Formats: typeof FORMATS;
  }
}
