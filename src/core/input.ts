import type { IncomingMessage, Place } from "./messages.ts";

// Characters no reply or row can carry: PostgreSQL refuses U+0000 in text, and a lone UTF-16 surrogate is no character
// at all (it breaks UTF-8 encoding on the way to the store or the platform). Tab, newline and carriage return stay.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Whitespace and the invisible format characters (zero-width space and joiners, BOM, direction marks) at either end.
const INVISIBLE_ENDS = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;

/** Text without the characters the store cannot keep; text with nothing visible in it is empty. */
export function cleanText(text: string): string {
  return trimInvisible(text.replace(UNSTORABLE, ""));
}

/** `trim()` that also drops zero-width and other invisible format characters, so “报隐患 ⁠​” has no description. */
export function trimInvisible(text: string): string {
  return text.replace(INVISIBLE_ENDS, "");
}

/** Whether a platform's id can be stored as it is. Ids are keys: they are never altered, only refused. */
export function storableId(id: string): boolean {
  return id.length > 0 && id.length <= 256 && !new RegExp(UNSTORABLE.source).test(id);
}

/** The first `max` characters (as people count them) of text the bot repeats back, with “…” when cut. */
export function excerpt(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join("") + "…";
}

/**
 * A message as the core may take it: texts cleaned, or `null` when one of its ids could not be stored
 * (the caller refuses it with a reason).
 */
export function cleanIncoming(msg: IncomingMessage): IncomingMessage | null {
  if (![msg.chatId, msg.messageId, msg.sender.id, ...msg.attachments.map((a) => a.ref)].every(storableId)) return null;
  const name = cleanText(msg.sender.name) || msg.sender.id;
  return {
    ...msg,
    text: cleanText(msg.text),
    sender: { ...msg.sender, name, ...(msg.sender.username !== undefined ? { username: cleanText(msg.sender.username) } : {}) },
    ...(msg.chatTitle !== undefined ? { chatTitle: cleanText(msg.chatTitle) } : {}),
    ...(msg.location ? { location: cleanPlace(msg.location) } : {}),
  };
}

/** A shared place with its texts cleaned and its coordinates as numbers in range (else dropped to 0). */
function cleanPlace(p: Place): Place {
  const num = (x: number, max: number) => (Number.isFinite(x) && Math.abs(x) <= max ? x : 0);
  return {
    latitude: num(p.latitude, 90),
    longitude: num(p.longitude, 180),
    ...(p.name ? { name: excerpt(cleanText(p.name), 100) } : {}),
    ...(p.address ? { address: excerpt(cleanText(p.address), 200) } : {}),
  };
}
