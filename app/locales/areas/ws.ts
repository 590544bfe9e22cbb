import { defineMessages } from '../define';

/** The secretariat's workspace: lifecycle, numbering, role management, attendance rules. */
export const ws = defineMessages({
  fi: {
    roles: {
      regionAdmin: 'Alueen ylläpitäjä',
    },
    minutes: {
      sectionsLabel: 'Pöytäkirjan osat',
      sections: {
        attendance: 'Läsnäolo ja kokouksen tiedot',
        items: 'Asiat ja päätökset',
        approval: 'Tarkastajat ja hyväksyminen',
      },
    },
    import: {
      formulaCell: 'Solu alkaa merkillä, jonka taulukkolaskenta tulkitsee kaavaksi ({{value}}). Poista alun =, +, - tai @ ja tuo tiedosto uudelleen.',
    },
    invite: {
      accepted: 'Tunnuksesi on luotu ja kutsu hyväksytty. Kirjaudu nyt sisään sähköpostiosoitteellasi ja juuri valitsemallasi salasanalla.',
    },
    meeting: {
      number: 'Kokous {{n}}/{{year}}',
      numberTerm: 'Numero',
      numbered: '{{number}}: {{title}}',
      stages: {
        cancelled: 'Peruttu',
        scheduled: 'Suunniteltu',
        invited: 'Kutsu lähetetty',
        agenda_published: 'Esityslista julkaistu',
        held: 'Pidetty',
        minutes_draft: 'Pöytäkirjaluonnos',
        minutes_checking: 'Pöytäkirja tarkastettavana',
        minutes_approved: 'Pöytäkirja hyväksytty',
        minutes_published: 'Pöytäkirja julkaistu',
      },
      stage: 'Vaihe: {{stage}}',
      notStartedNote: 'Kokous alkaa {{when}}. Pöytäkirjan voi hyväksyä ja julkaista vasta, kun kokous on alkanut.',
    },
    errors: {
      notStarted: 'Kokous ei ole vielä alkanut. Pöytäkirjan voi hyväksyä ja julkaista vasta kokouksen alettua.',
      deputyForPresent: 'Varajäsen on merkitty jäsenen {{name}} sijaiseksi, mutta jäsen on merkitty läsnä olevaksi. Poista jäsenen läsnäolo tai sijaisuus.',
      checkerNotMember: 'Tarkastajan on oltava kokouksen jäsen tai varajäsen ja läsnä kokouksessa.',
      timeOutOfRange: 'Aika on kokouspäivän ulkopuolella. Anna aika, joka on kokouspäivänä.',
    },
  },
  sv: {
    roles: {
      regionAdmin: 'Områdets administratör',
    },
    minutes: {
      sectionsLabel: 'Protokollets delar',
      sections: {
        attendance: 'Närvaro och mötets uppgifter',
        items: 'Ärenden och beslut',
        approval: 'Justerare och godkännande',
      },
    },
    import: {
      formulaCell: 'Cellen börjar med ett tecken som kalkylprogram tolkar som en formel ({{value}}). Ta bort det inledande =, +, - eller @ och importera filen igen.',
    },
    invite: {
      accepted: 'Ditt konto har skapats och inbjudan godkänts. Logga nu in med din e-postadress och lösenordet du just valde.',
    },
    meeting: {
      number: 'Möte {{n}}/{{year}}',
      numberTerm: 'Nummer',
      numbered: '{{number}}: {{title}}',
      stages: {
        cancelled: 'Inställt',
        scheduled: 'Planerat',
        invited: 'Kallelse skickad',
        agenda_published: 'Föredragningslistan publicerad',
        held: 'Hållet',
        minutes_draft: 'Protokollutkast',
        minutes_checking: 'Protokollet justeras',
        minutes_approved: 'Protokollet godkänt',
        minutes_published: 'Protokollet publicerat',
      },
      stage: 'Skede: {{stage}}',
      notStartedNote: 'Mötet börjar {{when}}. Protokollet kan godkännas och publiceras först när mötet har börjat.',
    },
    errors: {
      notStarted: 'Mötet har inte börjat ännu. Protokollet kan godkännas och publiceras först när mötet har börjat.',
      deputyForPresent: 'Ersättaren är antecknad som ersättare för {{name}}, men ledamoten är antecknad som närvarande. Ta bort ledamotens närvaro eller ersättningen.',
      checkerNotMember: 'Protokolljusteraren ska vara ledamot eller ersättare i mötet och närvarande.',
      timeOutOfRange: 'Tiden ligger utanför mötesdagen. Ange en tid under mötesdagen.',
    },
  },
  en: {
    roles: {
      regionAdmin: 'Region admin',
    },
    minutes: {
      sectionsLabel: 'Parts of the minutes',
      sections: {
        attendance: 'Attendance and meeting details',
        items: 'Items and decisions',
        approval: 'Checkers and approval',
      },
    },
    import: {
      formulaCell: 'The cell starts with a character spreadsheets run as a formula ({{value}}). Remove the leading =, +, - or @ and import the file again.',
    },
    invite: {
      accepted: 'Your account has been created and the invitation accepted. Sign in now with your email address and the password you just chose.',
    },
    meeting: {
      number: 'Meeting {{n}}/{{year}}',
      numberTerm: 'Number',
      numbered: '{{number}}: {{title}}',
      stages: {
        cancelled: 'Cancelled',
        scheduled: 'Scheduled',
        invited: 'Invitation sent',
        agenda_published: 'Agenda published',
        held: 'Held',
        minutes_draft: 'Draft minutes',
        minutes_checking: 'Minutes being checked',
        minutes_approved: 'Minutes approved',
        minutes_published: 'Minutes published',
      },
      stage: 'Stage: {{stage}}',
      notStartedNote: 'The meeting starts {{when}}. Minutes can be approved and published only once the meeting has started.',
    },
    errors: {
      notStarted: 'The meeting has not started yet. Minutes can be approved and published only once the meeting has started.',
      deputyForPresent: 'The deputy is recorded as substituting for {{name}}, but that member is ticked present. Untick the member or remove the substitution.',
      checkerNotMember: 'A minutes checker must be a member or deputy of the meeting and present at it.',
      timeOutOfRange: 'The time is outside the meeting day. Give a time on the day of the meeting.',
    },
  },
});
