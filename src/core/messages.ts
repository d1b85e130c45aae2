/**
 * The platform-neutral messages the core reads and writes. Adapters convert to and from these at the edge;
 * nothing of grammY or Wechaty crosses this line.
 */
import { capabilitiesOf, type Capabilities } from "./capabilities.ts";

export type ChatType = "group" | "private";

export interface Sender {
  /** The platform's stable id for the person. */
  id: string;
  /** The name the platform shows. */
  name: string;
  username?: string;
  /** IETF language tag the platform reports for the person, if any. */
  lang?: string;
}

export interface Attachment {
  kind: "photo" | "document";
  /**
   * The platform's reference to the file (a file id or URL), never the bytes. Once the core has kept the file
   * (`core/files.ts`) it is the store's key instead: `sha256:<hex>`, or `tipfile:<id>` for a tip's sealed file.
   */
  ref: string;
  /** The size in bytes, where the platform says before the download (Telegram does): a file over the limit is refused unread. */
  size?: number;
  /** The type the platform reports (`image/jpeg`), if any; the core checks the bytes themselves. */
  mime?: string;
  /** The file's name as sent, for documents. */
  name?: string;
  /**
   * Downloads the bytes from the platform. Adapters set it; the core calls it only for a message it keeps, before
   * its transaction (a platform's reference stops resolving, so the bot keeps the evidence itself).
   */
  fetch?: () => Promise<Uint8Array>;
}

export interface IncomingMessage {
  platform: string;
  chatId: string;
  chatType: ChatType;
  chatTitle?: string;
  /** Unique within the chat; a redelivery carries the same id. */
  messageId: string;
  sender: Sender;
  text: string;
  attachments: Attachment[];
  /** The message this one answers, when the platform says so. */
  replyTo?: { messageId: string; sender?: Sender };
  /** A place the person shared (a map pin): in a dialog that asks where, it is the answer. */
  location?: Place;
  /**
   * A kind of message whose content the bot does not read (a voice note, a video, a sticker, anything else the
   * platform delivers): it still gets an answer in a dialog, saying what to send instead, and loses the dialog nothing.
   */
  unsupported?: UnsupportedKind;
}

/** A shared place: coordinates, and the name and address where the platform gives them. */
export interface Place {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export const UNSUPPORTED_KINDS = ["voice", "video", "sticker", "other"] as const;
export type UnsupportedKind = (typeof UNSUPPORTED_KINDS)[number];

/** A shared place as words: its name and address, and the coordinates (`城关化工厂 东门（31.2304, 121.4737）`). */
export function placeText(p: Place): string {
  const words = [p.name, p.address].filter((w): w is string => !!w && w.trim() !== "").join(" ");
  const at = `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}`;
  return words ? `${words}（${at}）` : at;
}

/** A file the bot sends (a spreadsheet, a chart): the bytes, produced by the core. */
export interface OutgoingFile {
  kind: "document" | "photo";
  filename: string;
  /**
   * The bytes; or a file on disk the core wrote (a large export, see `Ctx.afterCommit`: sent from there, removed by
   * its maker once sent); or, for a file the platform already holds (a photo someone sent), its reference.
   */
  data?: Uint8Array;
  path?: string;
  ref?: string;
  /** What to say instead when the platform cannot send the file (set by the core, in the chat's language). */
  failed?: string;
}

export interface OutgoingMessage {
  platform: string;
  chatId: string;
  /** The text, or a file's caption. */
  text: string;
  file?: OutgoingFile;
  /** Reply to this message of the chat, where the platform can. */
  replyToMessageId?: string;
  /** Remove this message of the chat where the platform lets the bot (a tip posted in a group). */
  deleteMessageId?: string;
  /** A button that opens the private chat with the bot and starts there (`/start <start>`), where the platform has one. */
  privateLink?: { label: string; start: string };
  /**
   * Set on everything the anonymous lane answers. The log leaves that lane out, and so does `/metrics`: the two
   * together must not time a tipster's messages. Adapters ignore it.
   */
  lane?: "anonymous";
}

/**
 * The private chat with a person, for messages the bot starts (notices, reminders), as the platform addresses it
 * (`Capabilities.privateChat`): on most the person's own id; the console names it `dm:<name>`.
 */
export function privateChatOf(platform: string, platformUserId: string): string {
  return capabilitiesOf(platform).privateChat(platformUserId);
}

/** What an adapter offers the core; see DESIGN.md, architecture. */
export interface ChatAdapter {
  readonly platform: string;
  /** What the platform lets the bot do (its entry in `core/capabilities.ts`). */
  readonly capabilities?: Capabilities;
  /** Receives messages and hands each to `handle`; resolves when receiving has ended (console: end of input). */
  start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void>;
  send(msg: OutgoingMessage): Promise<void>;
  stop(): Promise<void>;
}
