// The fact vocabularies by sector: the only place that maps a sector id to its zod schema.
import type { z } from 'zod';
import { coalMineFacts } from './coal-mine/index.js';
import { constructionFacts } from './construction.js';
import { fireFacts } from './fire.js';
import { fireworksFacts } from './fireworks.js';
import { hazardousChemicalsFacts } from './hazardous-chemicals.js';
import { industryTradeFacts } from './industry-trade.js';
import { metalNonmetalMineFacts } from './metal-nonmetal-mine.js';
import { roadTransportFacts } from './road-transport.js';
import { urbanGasFacts } from './urban-gas.js';

export type FactVocabulary = z.ZodObject<z.ZodRawShape>;

export const factVocabularies: Readonly<Record<string, FactVocabulary>> = {
  'coal-mine': coalMineFacts,
  'metal-nonmetal-mine': metalNonmetalMineFacts,
  'hazardous-chemicals': hazardousChemicalsFacts,
  fireworks: fireworksFacts,
  'industry-trade': industryTradeFacts,
  construction: constructionFacts,
  'urban-gas': urbanGasFacts,
  fire: fireFacts,
  'road-transport': roadTransportFacts,
};
