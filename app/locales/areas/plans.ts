import { defineMessages } from '../define';

export const plans = defineMessages({
  fi: {},
  sv: {},
  en: {},
});
