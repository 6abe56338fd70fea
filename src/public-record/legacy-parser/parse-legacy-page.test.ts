import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLegacyPage } from './index.ts';

const parse = (content: string | Uint8Array, source = 'page.txt', maxBytes?: number) =>
  parseLegacyPage({ source, content, maxBytes });

describe('parseLegacyPage', () => {
  test('never throws, even on input the types forbid', () => {
    const result = parseLegacyPage({ source: 'x', content: null as unknown as string });
    assert.equal(result.status, 'error');
    assert.match(result.error ?? '', /content must be text or bytes/);
  });
  test('refuses a page over maxBytes, naming the size and the limit', () => {
    const result = parse('Press Statement\n\nGood morning.', 'big.txt', 10);
    assert.equal(result.status, 'error');
    assert.equal(
      result.error,
      'big.txt: the file is 30 bytes, over the limit of 10 bytes; one archive page should be far smaller — check that it is a single page, or raise maxBytes',
    );
  });
  test('a page of chrome lines only is not a document, and every line is reported', () => {
    const result = parse('Header\n\nHome | Speeches | Press\n\nGo to Homepage Go to Index');
    assert.equal(result.status, 'not_a_document');
    assert.equal(result.body, '');
    assert.deepEqual(result.dropped, ['Header', 'Home | Speeches | Press', 'Go to Homepage Go to Index']);
  });
  test('a header without text is a document with an empty, flagged body', () => {
    const result = parse('Press Statement\n\n25 Sept. 2002\n\nWarsaw, Poland');
    assert.equal(result.status, 'document');
    assert.equal(result.body, '');
    assert.ok(result.flags.some((f) => f.field === 'body' && f.confidence === 0));
  });
  test('two different dates in the header: the first is kept and the conflict flagged', () => {
    const result = parse('25 Sept. 2002\n\nPress Statement\n\n26 Sept. 2002\n\nGood morning.');
    assert.equal(result.date, '2002-09-25');
    assert.match(result.flags.find((f) => f.field === 'date')?.reason ?? '', /two dates/);
  });
  test('an ambiguous numeric date is kept and flagged with both readings', () => {
    const result = parse('05/06/2002\n\nStatement\n\nThe Council met.');
    assert.equal(result.date, '2002-06-05');
    assert.match(result.flags.find((f) => f.field === 'date')?.reason ?? '', /2002-05-06/);
  });
  test('mis-encoded characters in a header field flag that field too', () => {
    const result = parse('Speech\n\nby the SecrÃ©taire gÃ©nÃ©ral\n\nGood morning.');
    assert.equal(result.speaker, 'the SecrÃ©taire gÃ©nÃ©ral');
    assert.ok(result.flags.some((f) => f.field === 'speaker' && f.confidence === 0.5));
  });
  test('the HTML <title> is the title of last resort, flagged', () => {
    const result = parse(
      '<html><head><title>Council meets</title></head><body><p>The Council met today and agreed the budget for the coming year.</p></body></html>',
      'p.html',
    );
    assert.equal(result.title, 'Council meets');
    assert.equal(result.flags.find((f) => f.field === 'title')?.confidence, 0.7);
  });
  test('a wrapped first paragraph that opens like a header line stays in the body', () => {
    const result = parse(
      'Press Statement\n\nFollowing the meeting the ministers\nagreed on a common text.\n\nThank you.',
    );
    assert.equal(result.occasion, null);
    assert.equal(result.body, 'Following the meeting the ministers agreed on a common text.\n\nThank you.');
  });
});
