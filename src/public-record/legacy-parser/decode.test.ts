import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeContent, DEFAULT_MAX_BYTES } from './decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function decoded(content: Uint8Array | string, source = 'page.txt', maxBytes?: number) {
  const result = decodeContent(content, source, maxBytes);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result;
}

function refused(content: Uint8Array | string, source = 'page.txt', maxBytes?: number): string {
  const result = decodeContent(content, source, maxBytes);
  assert.ok(!result.ok, 'expected the content to be refused');
  return result.error;
}

describe('decodeContent accepts text', () => {
  test('UTF-8 bytes, with the BOM removed and CRLF turned into LF', () => {
    const r = decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Déclaration\r\nSecond line\rThird')]));
    assert.equal(r.text, 'Déclaration\nSecond line\nThird');
    assert.deepEqual(r.flags, []);
  });
  test('UTF-16 with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    assert.equal(decoded(le).text, 'Hi');
  });
  test('a string, as given', () => {
    assert.equal(decoded('\uFEFFPress Statement').text, 'Press Statement');
  });
  test('bytes that are not UTF-8 are read as Windows-1252 and flagged', () => {
    const r = decoded(
      new Uint8Array([0x44, 0xe9, 0x63, 0x6c, 0x61, 0x72, 0x61, 0x74, 0x69, 0x6f, 0x6e, 0x20, 0x92, 0x96]),
    );
    assert.equal(r.text, 'Déclaration ’–');
    assert.equal(r.flags.length, 1);
    assert.equal(r.flags[0]?.field, 'body');
    assert.equal(r.flags[0]?.confidence, 0.6);
    assert.match(r.flags[0]?.reason ?? '', /not valid UTF-8 \(first invalid byte at offset 1\).*Windows-1252/);
  });
  test('a charset declared by the page is honoured without a flag', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>';
    const bytes = new Uint8Array([...utf8(html), 0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]);
    const r = decoded(bytes, 'page.htm');
    assert.ok(r.text.endsWith('Москва'));
    assert.deepEqual(r.flags, []);
    assert.equal(r.html, true);
  });
});

describe('decodeContent recognises HTML', () => {
  test('by its opening tag', () => assert.equal(decoded('<!DOCTYPE html><html><body><p>x</p>').html, true));
  test('by its tags when the name says .htm', () => assert.equal(decoded('Title<br>Text', 'speech.htm').html, true));
  test('not from a stray tag in a .txt page', () =>
    assert.equal(decoded('Use <b> for bold and <p> too <br>', 'note.txt').html, false));
});

describe('decodeContent refuses what is not a text page, saying what to do', () => {
  test('an empty file', () => assert.match(refused(new Uint8Array()), /^page\.txt: the file is empty \(0 bytes\)/));
  test('a file of whitespace', () => assert.match(refused(' \n\t\n'), /empty \(only whitespace\)/));
  test('a file over the limit names the size and the limit', () => {
    const error = refused(new Uint8Array(2048).fill(0x61), 'big.txt', 1024);
    assert.match(error, /2,048 bytes, over the limit of 1,024 bytes/);
  });
  test('the default limit is 5 MiB', () => {
    assert.equal(DEFAULT_MAX_BYTES, 5 * 1024 * 1024);
    assert.match(refused('a'.repeat(DEFAULT_MAX_BYTES + 1)), /5,242,881 bytes, over the limit of 5,242,880 bytes/);
  });
  test('a PDF', () => assert.match(refused(utf8('%PDF-1.4\n...')), /a PDF file.*convert it to text/));
  test('bytes with NUL', () =>
    assert.match(refused(new Uint8Array([0x41, 0x00, 0x42])), /NUL bytes \(the first at byte 1\)/));
  test('a string of control characters', () => assert.match(refused('\u0001\u0002\u0003abc'), /control characters/));
});
