// How a yes/no fact reads in a sentence (rules-data/exams/fact-sentences/<sector>.json), so a situation
// says "未探放水" rather than "已探放水：否". One reader, so the phrasings can move into the sectors'
// vocabularies without touching the generator.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDataDirectory } from '@anquan/rules';
import { z } from 'zod';

const phrasing = z.strictObject({ yes: z.string().trim().min(1, 'expected the clause when the fact is true'), no: z.string().trim().min(1, 'expected the clause when the fact is false') });
export const factSentencesFileSchema = z.strictObject({ $comment: z.string().optional(), facts: z.record(z.string(), phrasing) });

const bySector = new Map<string, Record<string, { yes: string; no: string }>>();

const sentencesOf = (sector: string) => {
  let found = bySector.get(sector);
  if (!found) {
    const file = join(rulesDataDirectory(), 'exams', 'fact-sentences', `${sector}.json`);
    if (!existsSync(file)) found = {};
    else {
      const parsed = factSentencesFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      found = parsed.data.facts;
    }
    bySector.set(sector, found);
  }
  return found;
};

/** The clause that states a yes/no fact's value, or undefined when the sector has none for it. */
export const factSentence = (sector: string, fact: string, value: boolean): string | undefined => sentencesOf(sector)[fact]?.[value ? 'yes' : 'no'];
