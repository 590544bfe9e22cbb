/** A message tree: nested objects of strings. */
export type Messages = { [key: string]: string | Messages };
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * Define one area's messages in all three languages. Swedish and English must have
 * exactly the Finnish keys: the type system refuses a missing or extra key.
 */
export function defineMessages<T extends Messages>(messages: { fi: T; sv: Shape<T>; en: Shape<T> }) {
  return messages;
}
