import type { Message, User } from "grammy/types";
import type { Attachment, IncomingMessage, Place, Sender, UnsupportedKind } from "../../core/messages.ts";

export const TELEGRAM = "telegram";

export function toSender(u: User): Sender {
  return {
    id: String(u.id),
    name: [u.first_name, u.last_name].filter(Boolean).join(" ") || u.username || String(u.id),
    ...(u.username ? { username: u.username } : {}),
    ...(u.language_code ? { lang: u.language_code } : {}),
  };
}

/** Downloads a file Telegram holds, by its file id (the adapter's: `getFile`, then the file route). */
export type FileDownload = (fileId: string) => Promise<Uint8Array>;

/**
 * A Telegram message as the core's neutral message, or null for what the core does not take (service messages,
 * channel posts, messages from bots). Pure apart from `download`, which runs only when the core calls an attachment's
 * `fetch`, so the edge is testable without a server.
 */
export function toIncoming(m: Message, botUsername?: string, download?: FileDownload): IncomingMessage | null {
  if (!m.from || m.from.is_bot) return null;
  const attachments: Attachment[] = [];
  const fetcher = (fileId: string) => (download ? { fetch: () => download(fileId) } : {});
  // The largest size of a photo (Telegram re-encodes photos as JPEG); a document as sent, with its name and type.
  // Sizes are known before the download, so the core can refuse a file over its limit unread.
  const photo = m.photo?.at(-1);
  if (photo) {
    attachments.push({ kind: "photo", ref: photo.file_id, ...(photo.file_size ? { size: photo.file_size } : {}), mime: "image/jpeg", ...fetcher(photo.file_id) });
  }
  const doc = m.animation ? undefined : m.document; // a GIF comes as both: it is a sticker-like message, not a file
  if (doc) {
    attachments.push({
      kind: "document",
      ref: doc.file_id,
      ...(doc.file_size ? { size: doc.file_size } : {}),
      ...(doc.mime_type ? { mime: doc.mime_type } : {}),
      ...(doc.file_name ? { name: doc.file_name } : {}),
      ...fetcher(doc.file_id),
    });
  }
  let text = (m.text ?? m.caption ?? "").trim();
  if (botUsername) {
    // `/report@OtherBot …` is another bot's; `@SentinelBot 报隐患 …` is ours, without the mention.
    const other = /^\/[A-Za-z_]+@(\w+)/.exec(text);
    if (other && other[1]!.toLowerCase() !== botUsername.toLowerCase()) return null;
    const mention = new RegExp(`^@${botUsername}\\b[\\s,，:：]*`, "i");
    text = text.replace(mention, "");
  }
  const location = placeOf(m);
  const unsupported = unreadKind(m);
  // A voice note, a sticker or a map pin has no text, yet it is a person's message and gets an answer.
  if (!text && attachments.length === 0 && !location && !unsupported) return null;
  const reply = m.reply_to_message;
  return {
    platform: TELEGRAM,
    chatId: String(m.chat.id),
    chatType: m.chat.type === "private" ? "private" : "group",
    ...("title" in m.chat && m.chat.title ? { chatTitle: m.chat.title } : {}),
    messageId: String(m.message_id),
    sender: toSender(m.from),
    text,
    attachments,
    ...(location ? { location } : {}),
    ...(unsupported ? { unsupported } : {}),
    ...(reply ? { replyTo: { messageId: String(reply.message_id), ...(reply.from ? { sender: toSender(reply.from) } : {}) } } : {}),
  };
}

/** A map pin or a venue as a place; a live location is a place too (its first position). */
function placeOf(m: Message): Place | undefined {
  const venue = m.venue;
  const loc = venue?.location ?? m.location;
  if (!loc) return undefined;
  return {
    latitude: loc.latitude,
    longitude: loc.longitude,
    ...(venue?.title ? { name: venue.title } : {}),
    ...(venue?.address ? { address: venue.address } : {}),
  };
}

/** What the core cannot read: voice and audio, video (round ones too), stickers and animations, polls, contacts, dice, games. */
function unreadKind(m: Message): UnsupportedKind | undefined {
  if (m.voice || m.audio) return "voice";
  if (m.video || m.video_note) return "video";
  if (m.sticker || m.animation) return "sticker";
  if (m.poll || m.contact || m.dice || m.game) return "other";
  return undefined;
}
