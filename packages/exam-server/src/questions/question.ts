// A question as the server keeps it. The key and the evidence behind it never leave the server before
// the trainee has answered or submitted.

export type QuestionType = 'judgement' | 'single' | 'multiple';
export type QuestionKind = 'situation' | 'recall' | 'calculation' | 'bank' | 'imported';

export interface QuestionOption {
  key: string;
  text: string;
}

export interface QuestionCitation {
  text: string;
  documentId?: string;
  version?: string;
  label?: string;
}

export interface Evidence {
  optionKey: string;
  ruleId: string;
  documentId: string;
  version: string;
  facts: Record<string, unknown>;
  status: 'hazard' | 'clear';
  /** Judgements: what the stem claims (构成 or 不构成); the key is whether the claim is the verdict. */
  claim?: 'hazard' | 'clear';
}

export interface Question {
  id: string;
  type: QuestionType;
  kind: QuestionKind;
  stem: string;
  options: QuestionOption[];
  answer: string[];
  explanation: string;
  citation: QuestionCitation;
  ruleIds: string[];
  chapter: { id: string; title: string };
  sector: string | null;
  /** The topic ids it teaches (rules-data/exams/topics.json); bank questions: their bank topic. */
  topics?: string[];
  /** `${documentId}@${version}` for generated questions; bank topic for curated ones. */
  source: string;
  evidence?: Evidence[];
  /** Calculator questions: the calculator and the figures the key was computed from. */
  calculation?: { calculator: string; input: Record<string, unknown> };
}

export const judgementOptions: QuestionOption[] = [
  { key: 'T', text: '正确' },
  { key: 'F', text: '错误' },
];

/** What a trainee may see before answering: no key, no explanation, no evidence. */
export const publicQuestion = (question: Question, optionOrder?: string[]) => ({
  id: question.id,
  type: question.type,
  typeLabel: typeLabels[question.type],
  stem: question.stem,
  options: optionOrder ? optionOrder.map((key) => question.options.find((option) => option.key === key)!) : question.options,
  chapter: question.chapter,
});
export type PublicQuestion = ReturnType<typeof publicQuestion>;

export const typeLabels: Record<QuestionType, string> = { judgement: '判断题', single: '单选题', multiple: '多选题' };

/** Right only when the chosen keys are exactly the key (multiple choice: all and only the right ones). */
export const isCorrect = (question: Question, answer: readonly string[]): boolean =>
  answer.length === question.answer.length && [...answer].sort().join() === [...question.answer].sort().join();
