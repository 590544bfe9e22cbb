import { defineMessages } from '../define';

export const records = defineMessages({
  fi: {},
  sv: {},
  en: {},
});
