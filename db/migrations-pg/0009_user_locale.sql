-- Each account may choose its interface language; null follows the browser.
ALTER TABLE "users" ADD COLUMN "locale" text;
