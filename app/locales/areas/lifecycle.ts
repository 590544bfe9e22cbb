import { defineMessages } from '../define';

/** Display period, personal-data classes, appeal notices and the GDPR pages (issue 14.4). */
export const lifecycle = defineMessages({
  fi: {
    webRemoved: 'Henkilötietoja sisältävä osa on poistettu verkosta {{date}} (julkaisuaika päättyi).',
    webRemovedNever:
      'Henkilötietoja sisältävää osaa ei julkaista verkossa (erityisiä henkilötietoja tai rikostietoja).',
    appealNotice: 'Muutoksenhaku',
    webCopyRemoved: 'Verkkoversiosta poistettu henkilötiedot {{date}} alkaen; pöytäkirjassa tiedot säilyvät.',
    classes: {
      none: 'Ei henkilötietoja',
      personal: 'Henkilötietoja',
      special: 'Erityisiä henkilötietoja',
      criminal: 'Rikostuomioita tai rikkomuksia koskevia tietoja',
    },
    personalDataClass: 'Henkilötiedot',
    personalDataClassHint:
      'Henkilötietoja sisältävä asia näkyy verkossa vain julkaisuajan; erityiset henkilötiedot ja rikostiedot eivät näy verkossa lainkaan.',
    appealChoice: 'Muutoksenhakuohje',
    appealChoices: { default: 'Toimielimen oletus', notice: 'Liitä muutoksenhakuohje', none: 'Ei muutoksenhakua' },
    placeholderTitle:
      'Otsikosta pitää selvitä, mitä asia koskee, vaikka asia ei ole julkinen. ”{{title}}” näyttää paikkamerkiltä.',
    settings: {
      legend: 'Nähtävänäolo ja muutoksenhaku',
      noticeDays: 'Nähtävänäolo (päivää julkaisusta)',
      webMonths: 'Verkossa (kuukautta nähtävänäolon jälkeen)',
      webMonthsHint:
        'Tyhjä = pysyvästi. Sen jälkeen henkilötietoja sisältävät osat poistetaan verkkoversiosta; pöytäkirja säilyy.',
      endsBeforeStart: 'Julkaisuaika päättyisi ennen kuin se alkaa: anna vähintään 1 kuukausi tai jätä tyhjäksi.',
      noticeRange: 'Anna 0–365 päivää.',
      monthsRange: 'Anna enintään 1200 kuukautta.',
      appealFi: 'Muutoksenhakuohje (suomi)',
      appealSv: 'Muutoksenhakuohje (ruotsi)',
      appealEn: 'Muutoksenhakuohje (englanti)',
      appealDefaultNone: 'Asioissa ei oletuksena ole muutoksenhakua (lausunnot eivät ole valituskelpoisia päätöksiä)',
    },
    gdpr: {
      link: 'Tietosuoja',
      title: 'Henkilön tiedot: {{name}}',
      intro: 'Rekisteröidyn oikeudet: tiedot koneluettavana ja tietojen poistaminen.',
      export: 'Vie tiedot (JSON)',
      erase: 'Poista henkilön tiedot',
      eraseHint:
        'Poistaa käyttäjätilin, istunnot, kaksivaiheisen tunnistautumisen, yhteystiedot ja julkaisemattomat tiedot. Nimi säilyy hyväksytyissä pöytäkirjoissa (läsnäolo, äänestykset, tarkastajat), kuten laki edellyttää.',
      confirm: 'Kirjoita POISTA vahvistukseksi',
      confirmWrong: 'Kirjoita POISTA vahvistukseksi.',
      erased: 'Henkilön tiedot poistettiin.',
      lastAdmin: 'Viimeistä ylläpitäjää ei voi poistaa.',
    },
  },
  sv: {
    webRemoved: 'Delen med personuppgifter har tagits bort från webben {{date}} (publiceringstiden har gått ut).',
    webRemovedNever:
      'Delen med personuppgifter publiceras inte på webben (särskilda personuppgifter eller brottsuppgifter).',
    appealNotice: 'Anvisning om ändringssökande',
    webCopyRemoved: 'Personuppgifterna har tagits bort från webbversionen från och med {{date}}; i protokollet finns de kvar.',
    classes: {
      none: 'Inga personuppgifter',
      personal: 'Personuppgifter',
      special: 'Särskilda personuppgifter',
      criminal: 'Uppgifter om brottmålsdomar eller överträdelser',
    },
    personalDataClass: 'Personuppgifter',
    personalDataClassHint:
      'Ett ärende med personuppgifter syns på webben endast under publiceringstiden; särskilda personuppgifter och brottsuppgifter syns inte alls på webben.',
    appealChoice: 'Anvisning om ändringssökande',
    appealChoices: { default: 'Organets standard', notice: 'Bifoga anvisning', none: 'Ingen ändringssökande' },
    placeholderTitle:
      'Rubriken ska säga vad ärendet gäller även om ärendet inte är offentligt. ”{{title}}” ser ut som en platshållare.',
    settings: {
      legend: 'Framläggning och ändringssökande',
      noticeDays: 'Framlagt (dagar efter publicering)',
      webMonths: 'På webben (månader efter framläggningen)',
      webMonthsHint:
        'Tomt = permanent. Därefter tas delar med personuppgifter bort från webbversionen; protokollet bevaras.',
      endsBeforeStart: 'Publiceringstiden skulle sluta innan den börjar: ange minst 1 månad eller lämna tomt.',
      noticeRange: 'Ange 0–365 dagar.',
      monthsRange: 'Ange högst 1200 månader.',
      appealFi: 'Anvisning om ändringssökande (finska)',
      appealSv: 'Anvisning om ändringssökande (svenska)',
      appealEn: 'Anvisning om ändringssökande (engelska)',
      appealDefaultNone: 'Ärendena har som standard ingen ändringssökande (utlåtanden är inte överklagbara beslut)',
    },
    gdpr: {
      link: 'Dataskydd',
      title: 'Personens uppgifter: {{name}}',
      intro: 'Den registrerades rättigheter: uppgifterna i maskinläsbar form och radering.',
      export: 'Exportera uppgifter (JSON)',
      erase: 'Radera personens uppgifter',
      eraseHint:
        'Raderar användarkontot, sessionerna, tvåstegsverifieringen, kontaktuppgifterna och opublicerade uppgifter. Namnet bevaras i godkända protokoll (närvaro, omröstningar, justerare) som lagen kräver.',
      confirm: 'Skriv POISTA som bekräftelse',
      confirmWrong: 'Skriv POISTA som bekräftelse.',
      erased: 'Personens uppgifter raderades.',
      lastAdmin: 'Den sista administratören kan inte raderas.',
    },
  },
  en: {
    webRemoved: 'The part holding personal data was removed from the web on {{date}} (display period ended).',
    webRemovedNever:
      'The part holding personal data is not published on the web (special categories or criminal records).',
    appealNotice: 'Appeal',
    webCopyRemoved: 'Personal data removed from the web copy from {{date}}; the minutes keep it.',
    classes: {
      none: 'No personal data',
      personal: 'Personal data',
      special: 'Special categories of personal data',
      criminal: 'Data on criminal convictions or offences',
    },
    personalDataClass: 'Personal data',
    personalDataClassHint:
      'An item holding personal data is on the web only during the display period; special categories and criminal records are never on the web.',
    appealChoice: 'Appeal notice',
    appealChoices: { default: "The council's default", notice: 'Attach the appeal notice', none: 'No appeal' },
    placeholderTitle:
      'The title must say what the matter is about even when the item is withheld. “{{title}}” looks like a placeholder.',
    settings: {
      legend: 'Display period and appeal',
      noticeDays: 'On display (days after publication)',
      webMonths: 'On the web (months after the display)',
      webMonthsHint:
        'Empty = permanently. After it, parts holding personal data leave the web copy; the minutes are kept.',
      endsBeforeStart: 'The display period would end before it starts: give at least 1 month or leave it empty.',
      noticeRange: 'Give 0–365 days.',
      monthsRange: 'Give at most 1200 months.',
      appealFi: 'Appeal notice (Finnish)',
      appealSv: 'Appeal notice (Swedish)',
      appealEn: 'Appeal notice (English)',
      appealDefaultNone: 'Items have no appeal by default (statements are not appealable decisions)',
    },
    gdpr: {
      link: 'Data protection',
      title: "Person's data: {{name}}",
      intro: "The data subject's rights: the data in machine-readable form, and erasure.",
      export: 'Export data (JSON)',
      erase: "Erase the person's data",
      eraseHint:
        'Removes the account, sessions, two-factor sign-in, contact details and unpublished data. The name is kept in approved minutes (attendance, votes, checkers) as the law requires.',
      confirm: 'Type POISTA to confirm',
      confirmWrong: 'Type POISTA to confirm.',
      erased: "The person's data was erased.",
      lastAdmin: 'The last admin cannot be erased.',
    },
  },
});
