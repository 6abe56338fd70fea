// Windows-1252 decoding, written out because Node 20's TextDecoder('windows-1252') decodes as
// ISO-8859-1 and turns the curly quotes and dashes of 0x80-0x9F into invisible control characters.

// 0x80-0x9F per the WHATWG Encoding Standard; the five unassigned bytes map to the same code point.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 (the WHATWG reading of "latin1" and "iso-8859-1" too). */
export function decodeWindows1252(data: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const byte of data) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] ?? byte) : byte);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** True when a charset label names Windows-1252 or one of its WHATWG aliases. */
export function isWindows1252Label(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === 'windows-1252';
  } catch {
    return false;
  }
}
