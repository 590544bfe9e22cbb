import en from './en';
import fi from './fi';
import sv from './sv';
import { areas } from './areas';

type Lang = 'fi' | 'sv' | 'en';
const base = { fi, sv, en };

function build(lang: Lang) {
  const out: Record<string, unknown> = { ...base[lang] };
  for (const [name, messages] of Object.entries(areas)) out[name] = messages[lang];
  return out;
}

/** All messages per language: the shared base plus each feature area under its own key. */
export const messages = { fi: build('fi'), sv: build('sv'), en: build('en') };
