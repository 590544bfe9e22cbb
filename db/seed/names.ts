/**
 * Fictional people for the demo data: common Finnish and Swedish given and family names,
 * combined by a seeded PRNG so every run produces the same people in the same order.
 * The lists avoid the family names of the people named in the seed documents, and a short
 * deny-list keeps well-known public figures out of the combinations.
 */

/** mulberry32: a tiny, fast, seedable 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience wrapper over mulberry32. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

export const FINNISH_GIVEN_NAMES: readonly string[] = [
  // women
  'Aino', 'Anni', 'Anu', 'Eeva', 'Elina', 'Hanna', 'Heidi', 'Helena', 'Irma', 'Jaana', 'Johanna',
  'Kaisa', 'Katja', 'Kirsi', 'Laura', 'Leena', 'Liisa', 'Maarit', 'Marja', 'Merja', 'Minna', 'Noora',
  'Outi', 'Paula', 'Päivi', 'Pirjo', 'Raili', 'Riikka', 'Sanna', 'Sari', 'Satu', 'Seija', 'Suvi',
  'Terhi', 'Tiina', 'Tuula', 'Ulla', 'Anna-Kaisa', 'Marja-Leena',
  // men
  'Antti', 'Ari', 'Eero', 'Esa', 'Hannu', 'Harri', 'Heikki', 'Ilkka', 'Janne', 'Jari', 'Jouni',
  'Juha', 'Jukka', 'Jussi', 'Kalle', 'Kari', 'Lauri', 'Markku', 'Matti', 'Mikko', 'Olli', 'Pekka',
  'Petri', 'Risto', 'Sami', 'Tapio', 'Timo', 'Tuomas', 'Veikko', 'Ville', 'Juha-Pekka',
];

export const FINNISH_FAMILY_NAMES: readonly string[] = [
  'Aaltonen', 'Aho', 'Ahonen', 'Eskola', 'Harju', 'Heikkilä', 'Heikkinen', 'Heinonen', 'Hiltunen',
  'Honkanen', 'Huttunen', 'Hyvönen', 'Hämäläinen', 'Jokinen', 'Kallio', 'Karjalainen', 'Kettunen',
  'Kiiskinen', 'Kinnunen', 'Kivelä', 'Koivisto', 'Korhonen', 'Koskinen', 'Kurki', 'Laaksonen',
  'Lahtinen', 'Laine', 'Laitinen', 'Lehtinen', 'Lehtonen', 'Leinonen', 'Manninen', 'Mattila',
  'Miettinen', 'Mäkelä', 'Mäkinen', 'Nieminen', 'Niskanen', 'Nurmi', 'Ojala', 'Parviainen',
  'Peltonen', 'Pesonen', 'Pulkkinen', 'Rantanen', 'Rautio', 'Räsänen', 'Saarinen', 'Salminen',
  'Salo', 'Savolainen', 'Seppälä', 'Suominen', 'Tuominen', 'Turunen', 'Vainio', 'Virtanen',
  'Vuorinen', 'Väisänen', 'Ylönen',
];

export const SWEDISH_GIVEN_NAMES: readonly string[] = [
  'Anna', 'Annika', 'Britt', 'Camilla', 'Christina', 'Elin', 'Emma', 'Frida', 'Gunilla', 'Ida',
  'Ingrid', 'Karin', 'Linnea', 'Malin', 'Maria', 'Sofia', 'Ulrika', 'Vivan',
  'Anders', 'Bengt', 'Björn', 'Christer', 'Fredrik', 'Gustav', 'Henrik', 'Johan', 'Jonas', 'Kaj',
  'Lars', 'Magnus', 'Mats', 'Mikael', 'Nils', 'Patrik', 'Rasmus', 'Stefan', 'Ulf',
];

export const SWEDISH_FAMILY_NAMES: readonly string[] = [
  'Backman', 'Berg', 'Blomqvist', 'Ek', 'Eriksson', 'Forsman', 'Grönroos', 'Holmberg', 'Holmström',
  'Johansson', 'Karlsson', 'Lindberg', 'Lindgren', 'Lindholm', 'Lundqvist', 'Nordström', 'Nyman',
  'Sjöberg', 'Strandberg', 'Sundström', 'Söderholm', 'Westerlund', 'Wikström', 'Åberg',
];

/** Combinations that would name well-known Finnish public figures. */
const DENY = new Set([
  'esko aho', 'matti nykänen', 'jari litmanen', 'antti rinne', 'juha sipilä', 'li andersson',
  'kari tapio', 'mikko alatalo', 'anna-maja henriksson', 'ulla virtanen', 'pekka virtanen',
]);

export interface PersonName {
  givenName: string;
  familyName: string;
}

/** Hands out unique name combinations in a fixed order for a given seed. */
export class NameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(language: 'fi' | 'sv' = 'fi'): PersonName {
    const given = language === 'sv' ? SWEDISH_GIVEN_NAMES : FINNISH_GIVEN_NAMES;
    const family = language === 'sv' ? SWEDISH_FAMILY_NAMES : FINNISH_FAMILY_NAMES;
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const givenName = this.rng.pick(given);
      const familyName = this.rng.pick(family);
      const key = `${givenName} ${familyName}`.toLowerCase();
      if (this.used.has(key) || DENY.has(key)) continue;
      this.used.add(key);
      return { givenName, familyName };
    }
    throw new Error('NameGenerator ran out of unique names');
  }
}

/** Lowercase ASCII for email addresses: "Päivi Hämäläinen" → "paivi.hamalainen". */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '');
}

export function emailFor(name: PersonName, domain: string): string {
  return `${asciiSlug(name.givenName)}.${asciiSlug(name.familyName)}@${domain}`;
}

/** A made-up Finnish mobile number, formatted as people write them. */
export function phoneFor(rng: Rng): string {
  const prefix = rng.pick(['040', '044', '045', '050']);
  const digits = String(rng.int(1000000, 9999999));
  return `${prefix} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}
