// Bytes to text, refusing what is not a text page. Every assumption about the encoding is reported
// as a flag on the body, because a wrong guess silently changes accented letters.
import { Buffer } from 'node:buffer';
import type { FieldFlag } from './types.ts';
import { decodeWindows1252, isWindows1252Label } from './windows-1252.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string; html: boolean; flags: FieldFlag[] } | { ok: false; error: string };

const SIGNATURES: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a .docx/.odt office file)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office file (.doc/.xls)'],
];

/** Turns the page's bytes (or string) into text with "\n" line ends, or says why it cannot. */
export function decodeContent(content: Uint8Array | string, source: string, maxBytes: number | undefined): Decoded {
  const limit = maxBytes !== undefined && Number.isFinite(maxBytes) && maxBytes >= 0 ? maxBytes : DEFAULT_MAX_BYTES;
  const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (size > limit) {
    return fail(
      source,
      `the file is ${bytes(size)}, over the limit of ${bytes(limit)}; one archive page should be far smaller — check that it is a single page, or raise maxBytes`,
    );
  }
  if (size === 0)
    return fail(
      source,
      'the file is empty (0 bytes); there is nothing to import — check that the page was archived completely',
    );

  const decoded = typeof content === 'string' ? { text: content, flags: [] } : decodeBytes(content);
  if ('error' in decoded) return fail(source, decoded.error);
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  const binary = binaryReason(text);
  if (binary !== null) return fail(source, binary);
  if (text.trim() === '') {
    return fail(
      source,
      'the file is empty (only whitespace); there is nothing to import — check that the page was archived completely',
    );
  }
  return { ok: true, text, html: looksLikeHtml(text, source), flags: decoded.flags };
}

function decodeBytes(data: Uint8Array): { text: string; flags: FieldFlag[] } | { error: string } {
  for (const [magic, name] of SIGNATURES) {
    if (magic.every((b, i) => data[i] === b)) {
      return {
        error: `this is not a text page but ${name}; only plain-text or HTML pages can be imported — convert it to text first`,
      };
    }
  }
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data), flags: [] };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data), flags: [] };
  const nul = data.indexOf(0);
  if (nul >= 0) {
    return {
      error: `this is not a text page: it contains NUL bytes (the first at byte ${nul}), as binary files do; if it is UTF-16 text without a byte-order mark, re-save it as UTF-8`,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), flags: [] };
  } catch {
    // Not UTF-8: fall through to the page's own declaration, then to the explicit assumption below.
  }
  const declared = declaredCharset(data);
  if (declared !== null) {
    if (isWindows1252Label(declared)) return { text: decodeWindows1252(data), flags: [] };
    try {
      return { text: new TextDecoder(declared).decode(data), flags: [] };
    } catch {
      // An unknown label is no declaration at all.
    }
  }
  const offset = firstInvalidUtf8(data);
  const cyrillic = guessCyrillic(data);
  if (cyrillic !== null) {
    return {
      text: cyrillic.text,
      flags: [
        {
          field: 'body',
          confidence: 0.8,
          reason: `the bytes are not valid UTF-8 (first invalid byte at offset ${offset}) and the page declares no usable charset; read as ${cyrillic.encoding} because most letters are bytes of the Cyrillic range and read that way they are mostly lower case, as running text is`,
        },
      ],
    };
  }
  return {
    text: decodeWindows1252(data),
    flags: [
      {
        field: 'body',
        confidence: 0.6,
        reason: `the bytes are not valid UTF-8 (first invalid byte at offset ${offset}) and the page declares no usable charset; decoded as Windows-1252 (Latin-1), an assumption: check accented letters`,
      },
    ],
  };
}

// Russian pages of the era were Windows-1251 or KOI8-R, rarely declared in plain-text files. Both put
// the Cyrillic letters in 0xC0-0xFF (with the cases swapped between them), where Latin-1 text has
// only its scattered accented letters: when those bytes make up most of the letters, the page is
// Cyrillic, and the reading that gives mostly lower-case letters (as running text has) is the right one.
const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r'] as const;

function guessCyrillic(data: Uint8Array): { text: string; encoding: string } | null {
  let high = 0;
  let ascii = 0;
  const n = Math.min(data.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = data[i] ?? 0;
    if (b >= 0xc0) high++;
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) ascii++;
  }
  if (high < 20 || high < 0.4 * (high + ascii)) return null;
  let best: { text: string; encoding: string; lower: number } | null = null;
  for (const encoding of CYRILLIC_ENCODINGS) {
    let text: string;
    try {
      text = new TextDecoder(encoding).decode(data);
    } catch {
      continue;
    }
    let lower = 0;
    let upper = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0x430 && c <= 0x44f) || c === 0x451) lower++;
      else if ((c >= 0x410 && c <= 0x42f) || c === 0x401) upper++;
    }
    if (lower > upper && (best === null || lower > best.lower))
      best = { text, encoding: encoding === 'koi8-r' ? 'KOI8-R' : 'Windows-1251', lower };
  }
  return best === null ? null : { text: best.text, encoding: best.encoding };
}

function declaredCharset(data: Uint8Array): string | null {
  const head = Buffer.from(data.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase() ?? null;
  return label === null || label === 'utf-8' || label === 'utf8' ? null : label;
}

// Only for the message: where a reviewer should look. Lead and continuation bytes are enough for that.
function firstInvalidUtf8(data: Uint8Array): number {
  let i = 0;
  while (i < data.length) {
    const b = data[i] ?? 0;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) {
      const c = data[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n;
  }
  return data.length;
}

function binaryReason(text: string): string | null {
  if (text.includes('\u0000')) {
    return 'this is not a text page: it contains NUL characters, as binary files do — convert it to text first';
  }
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127) control++;
  }
  if (control > 0 && control / sample.length > 0.05) {
    return `this is not a text page: ${control} of its first ${sample.length} characters are control characters, as in binary files — convert it to text first`;
  }
  return null;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;
const HTML_TAG = /<\/?(?:p|br|div|table|tr|td|a|h[1-6]|font|center|b|i|ul|li|span)\b[^>]*>/gi;

function looksLikeHtml(text: string, source: string): boolean {
  if (HTML_START.test(text)) return true;
  if (/\.txt$/i.test(source)) return false;
  const tags = text.slice(0, 20000).match(HTML_TAG)?.length ?? 0;
  return tags >= (/\.(?:s?html?|asp|php|jsp)$/i.test(source) ? 1 : 3);
}

function bytes(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
}

function fail(source: string, message: string): Decoded {
  return { ok: false, error: `${source === '' ? 'input' : source}: ${message}` };
}
