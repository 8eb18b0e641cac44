// Chinese notes in rules-data sometimes name a fact by its code ("（事实 industry）"); the Chinese view shows its label instead.
import type { Bilingual } from './quantities.js';

/**
 * Replaces each whole word of `text.zh` that is a fact name with the fact's Chinese label in quotes; other
 * words, and the English, are left as written.
 */
export const factNamesAsLabels = (text: Bilingual, label: (fact: string) => string | undefined): Bilingual => ({
  zh: text.zh.replace(/(?<![A-Za-z0-9_-])[a-z][A-Za-z0-9]*(?![A-Za-z0-9_-])/g, (word) => {
    const found = label(word);
    return found && found !== word ? `“${found}”` : word;
  }),
  en: text.en,
});
