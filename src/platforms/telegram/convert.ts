import type { Message, User } from "grammy/types";
import type { Attachment, IncomingMessage, Sender } from "../../core/messages.ts";

export const TELEGRAM = "telegram";

export function toSender(u: User): Sender {
  return {
    id: String(u.id),
    name: [u.first_name, u.last_name].filter(Boolean).join(" ") || u.username || String(u.id),
    ...(u.username ? { username: u.username } : {}),
    ...(u.language_code ? { lang: u.language_code } : {}),
  };
}

/**
 * A Telegram message as the core's neutral message, or null for what the core does not take (service messages,
 * channel posts, messages from bots). Pure, so the edge is testable without a server.
 */
export function toIncoming(m: Message, botUsername?: string): IncomingMessage | null {
  if (!m.from || m.from.is_bot) return null;
  const attachments: Attachment[] = [];
  // The largest size of a photo; documents by file id. Telegram keeps the bytes; the store keeps the reference.
  if (m.photo?.length) attachments.push({ kind: "photo", ref: m.photo.at(-1)!.file_id });
  if (m.document) attachments.push({ kind: "document", ref: m.document.file_id });
  let text = (m.text ?? m.caption ?? "").trim();
  if (botUsername) {
    // `/report@OtherBot …` is another bot's; `@SentinelBot 报隐患 …` is ours, without the mention.
    const other = /^\/[A-Za-z_]+@(\w+)/.exec(text);
    if (other && other[1]!.toLowerCase() !== botUsername.toLowerCase()) return null;
    const mention = new RegExp(`^@${botUsername}\\b[\\s,，:：]*`, "i");
    text = text.replace(mention, "");
  }
  if (!text && attachments.length === 0) return null;
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
    ...(reply ? { replyTo: { messageId: String(reply.message_id), ...(reply.from ? { sender: toSender(reply.from) } : {}) } } : {}),
  };
}
