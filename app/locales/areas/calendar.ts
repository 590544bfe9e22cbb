import { defineMessages } from '../define';

export const calendar = defineMessages({
  fi: {},
  sv: {},
  en: {},
});
