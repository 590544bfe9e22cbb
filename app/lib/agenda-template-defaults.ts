// The standard items a new council's agenda template starts with, in the council's languages.
// Titles of a bilingual council read "Kokouksen avaus / Mötets öppnande" (its languages in order).

type Lang = 'fi' | 'sv' | 'en';
type Text = Record<Lang, string>;

interface DefaultItem {
  key: string;
  title: Text;
  proposal?: Text;
}

/** Template keys that belong at the end of an agenda (after the meeting's own items). */
export const CLOSING_TEMPLATE_KEYS: readonly string[] = ['other_matters', 'next_meeting', 'closing'];

const ITEMS: DefaultItem[] = [
  {
    key: 'opening',
    title: { fi: 'Kokouksen avaus', sv: 'Mötets öppnande', en: 'Opening of the meeting' },
    proposal: { fi: 'Puheenjohtaja avaa kokouksen.', sv: 'Ordföranden öppnar mötet.', en: 'The chair opens the meeting.' },
  },
  {
    key: 'legality_quorum',
    title: { fi: 'Kokouksen laillisuus ja päätösvaltaisuus', sv: 'Mötets laglighet och beslutförhet', en: 'Legality and quorum of the meeting' },
    proposal: {
      fi: 'Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi.',
      sv: 'Mötet konstateras vara lagligen sammankallat och beslutfört.',
      en: 'The meeting is declared lawfully convened and quorate.',
    },
  },
  {
    key: 'minutes_checkers',
    title: { fi: 'Pöytäkirjantarkastajien valinta', sv: 'Val av protokolljusterare', en: 'Choosing the minutes checkers' },
    proposal: { fi: 'Valitaan kaksi pöytäkirjantarkastajaa.', sv: 'Två protokolljusterare väljs.', en: 'Two minutes checkers are chosen.' },
  },
  {
    key: 'agenda_approval',
    title: { fi: 'Työjärjestyksen hyväksyminen', sv: 'Godkännande av föredragningslistan', en: 'Approval of the agenda' },
    proposal: { fi: 'Hyväksytään esityslista kokouksen työjärjestykseksi.', sv: 'Föredragningslistan godkänns som arbetsordning.', en: 'The agenda is approved as the order of business.' },
  },
  {
    key: 'previous_minutes',
    title: { fi: 'Edellisen kokouksen pöytäkirja', sv: 'Föregående mötes protokoll', en: 'Minutes of the previous meeting' },
  },
  {
    key: 'other_matters',
    title: { fi: 'Muut asiat', sv: 'Övriga ärenden', en: 'Other matters' },
  },
  {
    key: 'next_meeting',
    title: { fi: 'Seuraava kokous', sv: 'Nästa möte', en: 'Next meeting' },
  },
  {
    key: 'closing',
    title: { fi: 'Kokouksen päättäminen', sv: 'Mötets avslutande', en: 'Closing of the meeting' },
    proposal: { fi: 'Puheenjohtaja päättää kokouksen.', sv: 'Ordföranden avslutar mötet.', en: 'The chair closes the meeting.' },
  },
];

const known = (languages: readonly string[]): Lang[] => {
  const langs = languages.filter((l): l is Lang => l === 'fi' || l === 'sv' || l === 'en');
  return langs.length > 0 ? langs : ['fi'];
};

/** The default template rows for a council working in these languages (positions from 1). */
export function defaultAgendaTemplate(languages: readonly string[]) {
  const langs = known(languages);
  return ITEMS.map((item, i) => ({
    position: i + 1,
    key: item.key,
    title: langs.map((l) => item.title[l]).join(' / '),
    proposal: item.proposal ? langs.map((l) => item.proposal![l]).join('\n\n') : null,
  }));
}
