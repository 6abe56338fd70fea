import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromeStrength, findContactFooter } from './chrome.ts';

describe('chromeStrength', () => {
  const nav = [
    'Go to Homepage Go to Index',
    'Go to Homepage',
    'Back to top',
    '[Top of page]',
    'Print this page',
    'Home | Speeches | Press Releases | Contact us',
    '[Home] [Index] [Search]',
    'Home • About • Search',
    '© 2002 NATO',
    'Copyright 2003 Council Online Library. All rights reserved',
    'All rights reserved',
    "Retour à la page d'accueil",
    'Haut de page',
    'На главную',
    'Версия для печати',
  ];
  for (const line of nav)
    test(`${JSON.stringify(line)} is navigation anywhere`, () => assert.equal(chromeStrength(line), 'nav'));

  const edge = [
    'Header',
    'Footer',
    'Home',
    'Index',
    'Search',
    'Menu',
    'http://www.example.int/docu/speech/2002/s020925a.htm',
    '* *** *',
    '-----',
  ];
  for (const line of edge)
    test(`${JSON.stringify(line)} is chrome only at the edges`, () => assert.equal(chromeStrength(line), 'edge'));

  const content = [
    'Good morning.',
    'Thank you Warsaw.',
    'Home affairs ministers met in Brussels.',
    'The index of consumer prices rose by two per cent.',
    'Go to the negotiating table without preconditions, he said.',
    'Brussels - Belgium',
    'Press Statement',
    '',
  ];
  for (const line of content)
    test(`${JSON.stringify(line)} is not chrome`, () => assert.equal(chromeStrength(line), null));
});

describe('findContactFooter', () => {
  test('finds a press-office footer with its contact lines', () => {
    const lines = [
      'The Council will meet again in June.',
      '',
      'For further information: Press Office, tel. +32 2 707 50 41',
      'Press & Media Service',
      'E-mail: press@council.example',
    ];
    assert.equal(findContactFooter(lines), 2);
  });
  test('finds a bare "Press & Media Service" signature', () => {
    assert.equal(findContactFooter(['Thank you.', '', 'Press & Media Service']), 2);
  });
  test('leaves a sentence that merely mentions further information', () => {
    const lines = [
      'For further information on the programme, ministers will receive a report in June.',
      '',
      'Thank you.',
    ];
    assert.equal(findContactFooter(lines), -1);
  });
  test('leaves the phrase when prose follows it', () => {
    const long =
      'The ministers then turned to the question of how the costs of the new headquarters should be shared among the members, and agreed to return to it in June.';
    assert.equal(findContactFooter(['Press Office, tel. +32 2 707 50 41', long]), -1);
  });
});
