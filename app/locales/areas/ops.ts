import { defineMessages } from '../define';

/** Operations: messages shown when a backing service (file storage, database) is not answering. */
export const ops = defineMessages({
  fi: {
    unavailable: {
      title: 'Palvelu ei juuri nyt vastaa',
      text: 'Palvelu on hetkellisesti poissa käytöstä. Yritä hetken kuluttua uudelleen.',
      storageText:
        'Tiedostojen tallennuspalvelu ei vastannut. Mitään ei tallennettu: tiedosto ja sen tiedot jäivät pois kokonaan. Yritä hetken kuluttua uudelleen.',
      storageReadText: 'Tiedostojen tallennuspalvelu ei vastannut, joten tiedostoa ei voi juuri nyt hakea. Yritä hetken kuluttua uudelleen.',
    },
  },
  sv: {
    unavailable: {
      title: 'Tjänsten svarar inte just nu',
      text: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
      storageText:
        'Tjänsten för lagring av filer svarade inte. Ingenting sparades: filen och dess uppgifter lämnades helt bort. Försök igen om en stund.',
      storageReadText: 'Tjänsten för lagring av filer svarade inte, så filen kan inte hämtas just nu. Försök igen om en stund.',
    },
  },
  en: {
    unavailable: {
      title: 'The service is not answering right now',
      text: 'The service is temporarily unavailable. Please try again in a moment.',
      storageText:
        'The file storage service did not answer. Nothing was saved: the file and its details were left out entirely. Please try again in a moment.',
      storageReadText: 'The file storage service did not answer, so the file cannot be fetched right now. Please try again in a moment.',
    },
  },
});
