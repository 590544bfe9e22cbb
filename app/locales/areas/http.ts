import { defineMessages } from '../define';

/** Answers to requests refused before or while reading them (size, type, method, malformed). */
export const http = defineMessages({
  fi: {
    tooLargeTitle: 'Lähetys on liian suuri',
    tooLargeText: 'Lähettämäsi lomake tai tiedosto on suurempi kuin palvelu ottaa vastaan (enintään {{limit}}). Pienennä tiedostoa tai lyhennä tekstiä ja yritä uudelleen.',
    unsupportedTitle: 'Lomaketta ei voitu lukea',
    unsupportedText: 'Palvelu ottaa lomakkeet vastaan vain tavallisina verkkolomakkeina.',
    badFormTitle: 'Lomaketta ei voitu lukea',
    badFormText: 'Lomakkeen tiedot olivat vioittuneet. Lataa sivu uudelleen ja yritä uudestaan.',
    methodTitle: 'Toimintoa ei tueta',
    methodText: 'Tähän osoitteeseen ei voi lähettää tällaista pyyntöä.',
    badRequestText: 'Pyynnössä oli virheellisiä tietoja.',
    backHome: 'Palaa etusivulle',
  },
  sv: {
    tooLargeTitle: 'Inskickningen är för stor',
    tooLargeText: 'Formuläret eller filen du skickade är större än tjänsten tar emot (högst {{limit}}). Gör filen mindre eller texten kortare och försök igen.',
    unsupportedTitle: 'Formuläret kunde inte läsas',
    unsupportedText: 'Tjänsten tar bara emot vanliga webbformulär.',
    badFormTitle: 'Formuläret kunde inte läsas',
    badFormText: 'Formulärets uppgifter var skadade. Ladda om sidan och försök igen.',
    methodTitle: 'Funktionen stöds inte',
    methodText: 'En sådan begäran kan inte skickas till den här adressen.',
    badRequestText: 'Begäran innehöll felaktiga uppgifter.',
    backHome: 'Tillbaka till startsidan',
  },
  en: {
    tooLargeTitle: 'The submission is too large',
    tooLargeText: 'The form or file you sent is larger than the service accepts (at most {{limit}}). Make the file smaller or the text shorter and try again.',
    unsupportedTitle: 'The form could not be read',
    unsupportedText: 'The service accepts forms only as ordinary web forms.',
    badFormTitle: 'The form could not be read',
    badFormText: 'The form data was damaged. Reload the page and try again.',
    methodTitle: 'Not supported',
    methodText: 'This kind of request cannot be sent to this address.',
    badRequestText: 'The request contained invalid data.',
    backHome: 'Back to the home page',
  },
});
