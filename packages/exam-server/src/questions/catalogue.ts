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
  /** The same for several, reading the imported questions once (the list of every blueprint). */
  forManySources(list: readonly Sources[]): Promise<Question[][]>;
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
  // The imported questions as questions, made again only when the stored ones change: a re-import of an id gives it
  // a new importedAt, so the key changes with any question's content, not only with the set of ids. The version
  // names them in the pools' keys.
  interface Imported {
    key: string;
    version: number;
    questions: Question[];
  }
  let imported: Imported = { key: '', version: 0, questions: [] };
  const importedNow = async (): Promise<Imported> => {
    const stored = await repository.importedQuestions();
    const key = stored.map((question) => `${question.id}@${question.importedAt}`).join('\n');
    if (imported.key !== key) imported = { key, version: imported.version + 1, questions: stored.map(fromStored) };
    return imported;
  };
  // An answer save looks its question up by id on every request: indexes instead of scans over every rule of
  // every document and every question of one. Keyed by the arrays they index, so a new day's calculation
  // questions or a reloaded set of documents get their own.
  const indexes = new WeakMap<readonly Question[], Map<string, Question>>();
  const indexOf = (questions: readonly Question[]) => {
    let index = indexes.get(questions);
    if (!index) {
      index = new Map();
      for (const question of questions) if (!index.has(question.id)) index.set(question.id, question);
      indexes.set(questions, index);
    }
    return index;
  };
  const ruleOwners = new WeakMap<readonly LoadedDocument[], Map<string, LoadedDocument>>();
  /** The first loaded document holding a rule of this id (load order, as a scan would find it). */
  const ownerOfRule = (ruleId: string) => {
    const { documents } = loadRuleDocuments();
    let owners = ruleOwners.get(documents);
    if (!owners) {
      owners = new Map();
      for (const document of documents) for (const rule of document.rules) if (!owners.has(rule.id)) owners.set(rule.id, document);
      ruleOwners.set(documents, owners);
    }
    return owners.get(ruleId);
  };
  // Promises, so the same sources asked for together (several blueprints share theirs) get one array too.
  const pools = new Map<string, Promise<Question[]>>();
  const poolOf = ({ sectors, bankTopics, topics: ruleTopics }: Sources, importedQuestions: Imported) => {
    // The same sources, day and imports give the same array, so a paper's pool is grouped once
    // (papers/assemble caches by array) however often the blueprints are listed or started.
    const key = JSON.stringify([sectors, bankTopics, ruleTopics ?? [], asOf(), importedQuestions.version]);
    let pool = pools.get(key);
    if (!pool) {
      pool = (async () => {
        const wanted = new Set(ruleTopics ?? []);
        const fromRules = (await Promise.all(documentsInForce(sectors).map(forDocument))).flat().filter((question) => wanted.size === 0 || (question.topics ?? []).some((topic) => wanted.has(topic)));
        const topics = new Set(bankTopics);
        const fromBank = [...curatedBank(), ...calculationsOf(asOf()), ...importedQuestions.questions].filter((question) => topics.has(question.chapter.id.replace(/^bank\//, '')));
        return [...fromRules, ...fromBank];
      })();
      pools.set(key, pool);
    }
    return pool;
  };
  const poolsFor = async (list: readonly Sources[]) => {
    const importedQuestions = await importedNow();
    return Promise.all(list.map((sources) => poolOf(sources, importedQuestions)));
  };

  return {
    forDocument,
    documentsInForce,
    forSources: async (sources) => (await poolsFor([sources]))[0]!,
    forManySources: poolsFor,
    byId: async (id) => {
      if (id.startsWith('g:')) {
        const document = ownerOfRule(id.split(':')[1]!);
        return document ? indexOf(await forDocument(document)).get(id) : undefined;
      }
      if (id.startsWith('c:')) return indexOf(calculationsOf(asOf())).get(id);
      const curated = indexOf(curatedBank()).get(id);
      if (curated) return curated;
      const stored = await repository.importedQuestion(id);
      return stored && fromStored(stored);
    },
  };
};
