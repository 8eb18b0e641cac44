// Every question the server can ask: generated from the documents in force (lazily, once per document),
// the curated bank, and what administrators imported.
import { documentsInForce as coreDocumentsInForce, loadRuleDocuments, type LoadedDocument } from '@anquan/rules';
import type { Repository } from '../store/repository.js';
import { curatedBank, fromStored } from './bank.js';
import { calculationQuestions } from './calculation.js';
import { generateDocumentQuestions } from './generate.js';
import type { Question } from './question.js';

export interface Sources {
  sectors: string[];
  bankTopics: string[];
  /** When given and not empty, only generated questions teaching one of these topics. */
  topics?: string[];
}

export interface QuestionCatalogue {
  /** Questions for a blueprint or a practice chapter. */
  forSources(sources: Sources): Promise<Question[]>;
  byId(id: string): Promise<Question | undefined>;
  /** Generated questions of one document version (for statistics and tests). */
  forDocument(document: LoadedDocument): Promise<Question[]>;
  documentsInForce(sectors: string[]): LoadedDocument[];
}

export const createQuestionCatalogue = (repository: Repository, asOf: () => string): QuestionCatalogue => {
  const generated = new Map<LoadedDocument, Promise<Question[]>>();
  const forDocument = (document: LoadedDocument) => {
    let questions = generated.get(document);
    if (!questions) {
      questions = generateDocumentQuestions(document);
      generated.set(document, questions);
    }
    return questions;
  };
  // The calculation questions of a day, made once: an answer save looks its question up by id on every request.
  const calculated = new Map<string, Question[]>();
  const calculationsOf = (day: string) => calculated.get(day) ?? calculated.set(day, calculationQuestions(day)).get(day)!;
  // The core says what is in force; the catalogue keeps the criteria with items, in load order.
  const documentsInForce = (sectors: string[]) => {
    const inForce = new Set(sectors.flatMap((sector) => coreDocumentsInForce(sector, asOf())));
    return loadRuleDocuments().documents.filter((document) => inForce.has(document) && document.kind === 'major-hazard-criteria' && document.rules.length > 0);
  };
  const imported = async () => (await repository.importedQuestions()).map(fromStored);
  const pools = new Map<string, Question[]>();

  return {
    forDocument,
    documentsInForce,
    forSources: async ({ sectors, bankTopics, topics: ruleTopics }) => {
      const importedNow = await imported();
      // The same sources, day and imports give the same array, so a paper's pool is grouped once
      // (papers/assemble caches by array) however often the blueprints are listed or started.
      const key = JSON.stringify([sectors, bankTopics, ruleTopics ?? [], asOf(), importedNow.map((question) => question.id)]);
      const cached = pools.get(key);
      if (cached) return cached;
      const wanted = new Set(ruleTopics ?? []);
      const fromRules = (await Promise.all(documentsInForce(sectors).map(forDocument))).flat().filter((question) => wanted.size === 0 || (question.topics ?? []).some((topic) => wanted.has(topic)));
      const topics = new Set(bankTopics);
      const fromBank = [...curatedBank(), ...calculationsOf(asOf()), ...importedNow].filter((question) => topics.has(question.chapter.id.replace(/^bank\//, '')));
      const pool = [...fromRules, ...fromBank];
      pools.set(key, pool);
      return pool;
    },
    byId: async (id) => {
      if (id.startsWith('g:')) {
        const ruleId = id.split(':')[1];
        const document = loadRuleDocuments().documents.find((candidate) => candidate.rules.some((rule) => rule.id === ruleId));
        return document ? (await forDocument(document)).find((question) => question.id === id) : undefined;
      }
      if (id.startsWith('c:')) return calculationsOf(asOf()).find((question) => question.id === id);
      return curatedBank().find((question) => question.id === id) ?? (await imported()).find((question) => question.id === id);
    },
  };
};
