import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.ts';
import { encodingFlag, findEncodingDamage } from './mojibake.ts';

describe('detectLanguage', () => {
  const samples: ReadonlyArray<readonly [string, string]> = [
    [
      'en',
      'The ministers agreed that the record of the Council in the defence field is already a remarkable one, and that we will continue.',
    ],
    [
      'fr',
      'Les ministres se sont réunis ce matin dans un esprit de confiance et nous avons fait le point sur les travaux de la commission.',
    ],
    [
      'de',
      'Die Konsultationen der letzten Wochen haben gezeigt, dass die Mitgliedstaaten auch in schwierigen Fragen zu einer Haltung finden und sich einigen.',
    ],
    [
      'es',
      'Los ministros se reunieron esta mañana y acordaron que la cooperación con los países vecinos es una prioridad para todos los miembros del consejo.',
    ],
    [
      'it',
      'I ministri si sono riuniti questa mattina e hanno convenuto che la cooperazione con i paesi vicini è una priorità per tutti i membri della alleanza.',
    ],
    [
      'ru',
      'Сегодня главы государств и правительств провели первое заседание Совета в новом составе, и это открывает новую страницу.',
    ],
    ['el', 'Οι υπουργοί συναντήθηκαν σήμερα το πρωί στις Βρυξέλλες και συζήτησαν τη συνεργασία.'],
  ];
  for (const [language, text] of samples) {
    test(language, () => assert.deepEqual(detectLanguage(text, null), { language, flag: null }));
  }
  test('Ukrainian letters make Cyrillic text Ukrainian, flagged', () => {
    const r = detectLanguage('Міністри зустрілися сьогодні вранці та обговорили співпрацю з партнерами.', null);
    assert.equal(r.language, 'uk');
    assert.equal(r.flag?.field, 'language');
  });
  test('too little text: the declared language is used, flagged', () => {
    assert.deepEqual(detectLanguage('Merci.', 'fr-BE').language, 'fr');
    assert.equal(detectLanguage('Merci.', null).language, null);
    assert.equal(detectLanguage('Merci.', null).flag?.confidence, 0);
  });
  test('a declaration that disagrees with the text is flagged', () => {
    const r = detectLanguage(
      'The ministers agreed that the record of the Council in the defence field is already a remarkable one.',
      'fr',
    );
    assert.equal(r.language, 'en');
    assert.match(r.flag?.reason ?? '', /declares "fr"/);
  });
});

describe('encoding damage', () => {
  test('counts mojibake and replacement characters', () => {
    const damage = findEncodingDamage('GenÃ¨ve, todayâ€™s, FranÃ§ois, Pr\uFFFDsident');
    assert.deepEqual(damage, { samples: ['Ã¨', 'â€™', 'Ã§'], mojibake: 3, replacement: 1 });
  });
  test('leaves correct accented and Cyrillic text alone', () => {
    assert.equal(encodingFlag('body', 'Genève, aujourd’hui, São Paulo, ÉTÉ, Москва, Ålesund'), null);
  });
  test('flags a field at confidence 0.5 and shows what it found', () => {
    const flag = encodingFlag('speaker', 'SecrÃ©taire gÃ©nÃ©ral');
    assert.equal(flag?.confidence, 0.5);
    assert.match(flag?.reason ?? '', /"Ã©"/);
  });
});
