import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A mail the sink received, parsed. */
export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
};

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every mail it accepts, parsed with
 * `mailparser`. It can be stopped and started again on the same port, to play a mail server that is down for a while.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** Addresses refused at RCPT TO with 550 (no such mailbox), and whether AUTH is refused with 535. */
  readonly refuse = { recipients: new Set<string>(), auth: false };
  private server: SMTPServer | null = null;
  port = 0;

  /** Starts listening (on a free port the first time, on the same port after `stop`). */
  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth: (_auth, _session, callback) =>
        this.refuse.auth
          ? callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }))
          : callback(null, { user: "desk" }),
      onRcptTo: (address, _session, callback) =>
        this.refuse.recipients.has(address.address)
          ? callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }))
          : callback(),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              messageId: mail.messageId ?? "",
              headers: Object.fromEntries(
                [...mail.headers].map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
              ),
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    // A client that dies mid-conversation (the crash tests kill them) resets its connection: nothing to report.
    server.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "ECONNRESET" && e.code !== "EPIPE") console.error("SMTP sink:", e);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops accepting connections (mail sent now fails to connect). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The SMTP_URL that names it. */
  get url(): string {
    return `smtp://desk:secret@127.0.0.1:${this.port}`;
  }
}
