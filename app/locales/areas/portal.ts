import { defineMessages } from '../define';

export const portal = defineMessages({
  fi: {},
  sv: {},
  en: {},
});
