// One step of practice: which question comes next in a mode (顺序、随机、章节、背题、错题本、收藏).
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { seededRandom, shuffled } from '../papers/assemble.js';
import type { Question } from '../questions/question.js';
import type { User } from '../store/repository.js';
import { validateBody } from '../validate.js';

export const practiceModes = [
  { id: 'sequential', zh: '顺序练习', en: 'in order, resumes where you stopped' },
  { id: 'random', zh: '随机练习', en: 'random order, options shuffled' },
  { id: 'recite', zh: '背题模式', en: 'study with answers shown' },
  { id: 'mistakes', zh: '错题本', en: 'questions answered wrong' },
  { id: 'favourites', zh: '收藏', en: 'saved questions' },
] as const;

const query = z.object({
  blueprintId: z.string().optional(),
  chapter: z.string().optional(),
  mode: z.enum(['sequential', 'random', 'recite', 'mistakes', 'favourites'], { error: 'expected a practice mode' }).default('sequential'),
  position: z.coerce.number().int().min(0).optional(),
});

export interface PracticeStep {
  mode: string;
  blueprintId: string;
  chapter: string | null;
  chapters: { id: string; title: string; count: number }[];
  queue: string;
  position: number;
  total: number;
  question: Question | null;
  recite: boolean;
  /** Random practice shows the options in a shuffled order (judgement questions keep 正确/错误). */
  optionOrder: string[] | undefined;
  /** How many questions are held back because they sit in the trainee's open mock exam. */
  hidden: number;
}

export const practiceStep = async (context: AppContext, user: User, raw: Record<string, string | undefined>): Promise<PracticeStep> => {
  const input = validateBody(query, raw, 'query');
  // Without a choice, practice starts on the first blueprint listed (the data decides which).
  const blueprint = await context.exams.blueprint(input.blueprintId ?? (await context.exams.blueprints())[0]!.id);
  const all = await context.catalogue.forSources(blueprint.sources);
  const chapters = [...new Map(all.map((question) => [question.chapter.id, question.chapter.title])).entries()].map(([id, title]) => ({ id, title, count: all.filter((question) => question.chapter.id === id).length }));
  const queueMode = input.mode === 'recite' ? 'sequential' : input.mode;
  const { key, pool, position, hidden } = await context.exams.practiceQueue(user, blueprint.sources, input.chapter, queueMode);
  const at = input.position ?? position;
  const question = pool.length ? pool[at % pool.length]! : null;
  const optionOrder =
    question && input.mode === 'random' && question.type !== 'judgement'
      ? shuffled(question.options.map((option) => option.key), seededRandom(`${user.id}|${question.id}|${context.now().toISOString()}`))
      : undefined;
  return {
    mode: input.mode,
    blueprintId: blueprint.id,
    chapter: input.chapter ?? null,
    chapters,
    queue: key,
    position: pool.length ? at % pool.length : 0,
    total: pool.length,
    question,
    recite: input.mode === 'recite',
    optionOrder,
    hidden,
  };
};
