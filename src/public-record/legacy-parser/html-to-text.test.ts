import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToLines } from './html-to-text.ts';

const texts = (html: string): string[] => htmlToLines(html).lines.map((l) => l.text);

describe('htmlToLines', () => {
  test('gives one block per paragraph and one line per <br>, entities decoded, no-break spaces as spaces', () => {
    assert.deepEqual(texts('<p>Warsaw,<br>Poland</p><p>Good&nbsp;morning &amp; welcome.</p>'), [
      'Warsaw,',
      'Poland',
      '',
      'Good morning & welcome.',
    ]);
  });
  test('collapses whitespace as a browser does, but keeps the lines of <pre>', () => {
    assert.deepEqual(texts('<p>  one\n   two  </p><pre>a\n  b</pre>'), ['one two', '', 'a', 'b']);
  });
  test('drops script, style and head content entirely', () => {
    assert.deepEqual(
      texts('<head><title>T</title><style>p{}</style></head><body><script>var a;</script><p>Text</p></body>'),
      ['Text'],
    );
  });
  test('sets navigation, banners, sidebars and footers aside in dropped', () => {
    const page = htmlToLines(
      '<nav><a href="/">Home</a></nav><div id="sidebar">Related</div><div class="banner">Logo</div>' +
        '<p>The text of the statement, long enough to be most of the page, as a statement is.</p><footer>© Council</footer>',
    );
    assert.deepEqual(
      page.lines.map((l) => l.text),
      ['The text of the statement, long enough to be most of the page, as a statement is.'],
    );
    assert.deepEqual(page.dropped, ['Home', 'Related', 'Logo', '© Council']);
  });
  test('drops a link-only layout cell but keeps the content cell', () => {
    const page = htmlToLines(
      '<table><tr><td><a href="/a">Home</a><br><a href="/b">Press</a></td>' +
        '<td><p>The Council met today and agreed on the programme of work for the coming six months of the year.</p></td></tr></table>',
    );
    assert.deepEqual(page.dropped, ['Home', 'Press']);
    assert.deepEqual(
      page.lines.map((l) => l.text),
      ['The Council met today and agreed on the programme of work for the coming six months of the year.'],
    );
  });
  test('keeps the header of an article: it carries the title and date', () => {
    const page = htmlToLines('<article><header><h1>Title</h1><p>9 Dec 2002</p></header><p>Body text.</p></article>');
    assert.deepEqual(
      page.lines.map((l) => l.text),
      ['Title', '', '9 Dec 2002', '', 'Body text.'],
    );
    assert.equal(page.lines[0]?.heading, true);
    assert.equal(page.lines[2]?.heading, false);
  });
  test('marks lines that are mostly link text', () => {
    const page = htmlToLines(
      '<p><a href="/x">Speech by the Secretary General</a></p><p>A <a href="/y">short</a> link inside a sentence.</p>',
    );
    assert.deepEqual(
      page.lines.map((l) => l.link),
      [true, false, false],
    );
  });
  test('reports the <title> and the declared language', () => {
    const page = htmlToLines('<html lang="fr-BE"><head><title> Discours </title></head><body><p>x</p></body></html>');
    assert.equal(page.title, 'Discours');
    assert.equal(page.lang, 'fr-BE');
  });
  test('survives broken markup', () => {
    assert.deepEqual(texts('<p>unclosed <b>bold <td>cell</p></table></div>'), ['unclosed bold', '', 'cell']);
  });
});
