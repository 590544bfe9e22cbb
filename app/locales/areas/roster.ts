import { defineMessages } from '../define';

export const roster = defineMessages({
  fi: {},
  sv: {},
  en: {},
});
