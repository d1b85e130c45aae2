import type { Attachment, IncomingMessage } from "../../core/messages.ts";

export const FEISHU = "feishu";

/** The parts of an `im.message.receive_v1` event the bot reads. */
export interface FeishuEvent {
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id: string;
    chat_id: string;
    chat_type: string;
    message_type: string;
    content: string;
    mentions?: { key: string; name?: string }[];
  };
}

/** Downloads a message's resource (`im.messageResource.get`). */
export type FeishuDownload = (messageId: string, fileKey: string, type: "image" | "file") => Promise<Uint8Array>;

/**
 * `@_user_1 报隐患 …` → `报隐患 …`: a leading @-mention (the bot's, which is how a group message reaches it) goes;
 * other mentions read as `@name`.
 */
export function withoutMention(text: string, mentions: { key: string; name?: string }[] = []): string {
  let t = text.trim().replace(/^@_user_\d+[\s\u2005]*/, "");
  for (const m of mentions) t = t.split(m.key).join(`@${m.name ?? ""}`);
  return t.trim();
}

/**
 * A Feishu message event as the core's neutral message, or null for what the core does not take (a bot's, an app's).
 * A 1:1 chat is addressed by the person's open_id (how the bot writes to them), a group by its chat_id (`oc_…`).
 */
export function toIncoming(e: FeishuEvent, download?: FeishuDownload): IncomingMessage | null {
  const m = e?.message;
  const openId = e?.sender?.sender_id?.open_id;
  if (!m || !openId || (e.sender?.sender_type && e.sender.sender_type !== "user")) return null;
  const group = m.chat_type !== "p2p";
  let content: Record<string, unknown> = {};
  try {
    content = JSON.parse(m.content) as Record<string, unknown>;
  } catch {
    content = {};
  }
  const attachments: Attachment[] = [];
  const attach = (kind: Attachment["kind"], key: string, name?: string) =>
    attachments.push({ kind, ref: key, ...(name ? { name } : {}), ...(download ? { fetch: () => download(m.message_id, key, kind === "photo" ? "image" : "file") } : {}) });
  let text = "";
  let unsupported: IncomingMessage["unsupported"];
  switch (m.message_type) {
    case "text":
      text = String(content.text ?? "");
      break;
    case "image":
      if (content.image_key) attach("photo", String(content.image_key));
      break;
    case "file":
      if (content.file_key) attach("document", String(content.file_key), content.file_name ? String(content.file_name) : undefined);
      break;
    case "audio":
      unsupported = "voice";
      break;
    case "media":
      unsupported = "video";
      break;
    case "sticker":
      unsupported = "sticker";
      break;
    default:
      unsupported = "other";
  }
  text = group ? withoutMention(text, m.mentions) : text.trim();
  if (!text && attachments.length === 0 && !unsupported) return null;
  return {
    platform: FEISHU,
    chatId: group ? m.chat_id : openId,
    chatType: group ? "group" : "private",
    messageId: m.message_id,
    // The event carries no display name: the open_id stands in.
    sender: { id: openId, name: openId },
    text,
    attachments,
    ...(unsupported ? { unsupported } : {}),
  };
}
