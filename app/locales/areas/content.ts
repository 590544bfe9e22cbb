import { defineMessages } from '../define';

/** Content in the council's languages: fallback marks, per-language fields, missing translations. */
export const content = defineMessages({
  fi: {
    onlyIn: { fi: 'vain suomeksi', sv: 'vain ruotsiksi', en: 'vain englanniksi' },
    inLanguage: { fi: 'suomeksi', sv: 'ruotsiksi', en: 'englanniksi' },
    fieldIn: '{{field}} ({{lang}})',
    plainSummary: 'Selkokielinen tiivistelmä',
    refusedLanguage: {
      sv: 'Toimielin ei käytä ruotsia. Poista teksti tai valitse ruotsi toimielimen kieliin.',
      en: 'Toimielin ei käytä englantia. Poista teksti tai valitse englanti toimielimen kieliin.',
    },
    refusedForm: 'Lomakkeessa on teksti kielellä, jota toimielin ei käytä.',
    refused: 'Toimielin ei käytä tätä kieltä ({{lang}}). Poista teksti tai lisää kieli toimielimen asetuksiin.',
    missing: {
      title: 'Puuttuvat käännökset',
      intro:
        'Näistä teksteistä puuttuu toimielimen käyttämän kielen versio. Sivuilla näytetään silloin suomenkielinen teksti merkinnällä. Voit julkaista silti.',
      line: '{{what}}: puuttuu {{langs}}',
      none: 'Kaikki tekstit ovat kaikilla toimielimen kielillä.',
      publishAnyway: 'Julkaise silti',
    },
    fields: {
      meetingTitle: 'Kokouksen otsikko',
      title: 'Otsikko',
      body: 'Esittely',
      proposal: 'Päätösehdotus',
      decision: 'Päätös',
      plainSummary: 'Selkokielinen tiivistelmä',
    },
  },
  sv: {
    onlyIn: { fi: 'endast på finska', sv: 'endast på svenska', en: 'endast på engelska' },
    inLanguage: { fi: 'på finska', sv: 'på svenska', en: 'på engelska' },
    fieldIn: '{{field}} ({{lang}})',
    plainSummary: 'Sammanfattning på lättläst svenska',
    refusedLanguage: {
      sv: 'Organet använder inte svenska. Ta bort texten eller välj svenska bland organets språk.',
      en: 'Organet använder inte engelska. Ta bort texten eller välj engelska bland organets språk.',
    },
    refusedForm: 'Formuläret har en text på ett språk som organet inte använder.',
    refused:
      'Organet använder inte detta språk ({{lang}}). Ta bort texten eller lägg till språket i organets inställningar.',
    missing: {
      title: 'Saknade översättningar',
      intro:
        'Dessa texter saknar en version på ett språk som organet använder. Sidorna visar då den finska texten med en markering. Du kan publicera ändå.',
      line: '{{what}}: saknas {{langs}}',
      none: 'Alla texter finns på alla organets språk.',
      publishAnyway: 'Publicera ändå',
    },
    fields: {
      meetingTitle: 'Mötets rubrik',
      title: 'Rubrik',
      body: 'Föredragning',
      proposal: 'Beslutsförslag',
      decision: 'Beslut',
      plainSummary: 'Sammanfattning på lättläst språk',
    },
  },
  en: {
    onlyIn: { fi: 'only in Finnish', sv: 'only in Swedish', en: 'only in English' },
    inLanguage: { fi: 'in Finnish', sv: 'in Swedish', en: 'in English' },
    fieldIn: '{{field}} ({{lang}})',
    plainSummary: 'Plain-language summary',
    refusedLanguage: {
      sv: 'The council does not use Swedish. Remove the text or choose Swedish among the council’s languages.',
      en: 'The council does not use English. Remove the text or choose English among the council’s languages.',
    },
    refusedForm: 'The form has a text in a language the council does not use.',
    refused:
      'The council does not use this language ({{lang}}). Remove the text or add the language in the council settings.',
    missing: {
      title: 'Missing translations',
      intro:
        'These texts have no version in a language the council uses. The pages then show the Finnish text with a note. You may publish anyway.',
      line: '{{what}}: missing {{langs}}',
      none: 'Every text is in all of the council’s languages.',
      publishAnyway: 'Publish anyway',
    },
    fields: {
      meetingTitle: 'Meeting title',
      title: 'Title',
      body: 'Presentation',
      proposal: 'Proposal',
      decision: 'Decision',
      plainSummary: 'Plain-language summary',
    },
  },
});
