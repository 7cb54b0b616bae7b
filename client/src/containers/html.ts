// HTML helpers for the report webview (client UI layer, pure: no vscode import, unit-tested).
// Every string that reaches HTML goes through escapeHtml: container names, labels, images, mount
// paths and finding messages come from whoever created the container.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** An https URL kept as is (escaped), anything else (javascript:, data:, relative) dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https:\/\/[^\s"'<>`]+$/i.test(url)) return undefined;
  return escapeHtml(url);
}

/**
 * A small, safe subset of Markdown for rule remediations: the text is escaped first, then
 * `code`, **bold** and https links are turned into elements, and blank lines into paragraphs.
 */
export function miniMarkdown(markdown: string): string {
  const paragraphs = markdown
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs
    .map((p) => {
      // Code spans first, so that ** or [ inside them stay literal.
      const parts = p.split(/(`[^`\n]+`)/);
      const html = parts
        .map((part) => {
          if (/^`[^`\n]+`$/.test(part)) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
          let s = escapeHtml(part);
          s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
          // The link target was escaped with the rest; only https targets become links.
          s = s.replace(/\[([^\]]+)\]\((https:\/\/[^\s()]+)\)/g, '<a href="$2">$1</a>');
          return s.replace(/\n/g, '<br>');
        })
        .join('');
      return `<p>${html}</p>`;
    })
    .join('');
}

/**
 * Markdown code spans as plain text, for places that show text literally (notifications, tree
 * items): an engine error's hint says `sudo systemctl start docker`, a notification shows it
 * without the backticks.
 */
export function codeSpansAsText(markdown: string): string {
  return markdown.replace(/`([^`\n]+)`/g, '$1');
}

/** A fresh random nonce for the Content-Security-Policy's script-src (one per rendering). */
export function makeNonce(): string {
  // The Web Crypto global: importing node:crypto would be evaluated with the rest of client.js at activation.
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}

/** Escapes text for Markdown (the drift view): Markdown punctuation and HTML are shown literally. */
export function escapeMarkdown(value: string | number | undefined): string {
  return String(value ?? '')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}
