// Administrators' operations, one service behind the admin pages and the API, so that both run the same
// checks, roles and errors: blueprint overrides, bank import and export, accounts with their regions and
// enterprises. (A password reset is the account service's.)
import type { z } from 'zod';
import { notFound, RequestError } from '../errors.js';
import { applyOverrides, baseBlueprints, type Blueprint, type blueprintOverrideInput } from '../papers/blueprints.js';
import { curatedBank, fromCsv, fromGift, toCsv, toGift, type TopicQuestion } from '../questions/bank.js';
import type { Repository, Role, User } from '../store/repository.js';
import type { createAccounts } from '../accounts/accounts.js';

export type BankFormat = 'csv' | 'gift';

/** An account the administrator creates (validated by the route's schema): any role but admin. */
export interface AccountInput {
  username: string;
  displayName: string;
  password: string;
  role: Exclude<Role, 'admin'>;
  region?: string | undefined;
  enterpriseId?: string | undefined;
}

/** A change of region or enterprise; null clears it, absent leaves it. */
export interface AssignmentInput {
  region?: string | null | undefined;
  enterpriseId?: string | null | undefined;
}

const requireAdmin = (user: User) => {
  if (user.role !== 'admin') throw new RequestError(403, '无权访问 / forbidden');
};

const noSuchEnterprise = () => new RequestError(400, '所属企业不存在 / no such enterprise', [{ path: 'enterpriseId', message: 'expected the id of an enterprise account' }]);

export const createAdminService = (repository: Repository, now: () => Date, accounts: Pick<ReturnType<typeof createAccounts>, 'register'>) => {
  const requireEnterprise = async (enterpriseId: string | null | undefined) => {
    if (enterpriseId && (await repository.findUser(enterpriseId))?.role !== 'enterprise') throw noSuchEnterprise();
  };
  return {
    /** Every account, for the administrator's list. */
    users: async (admin: User): Promise<User[]> => {
      requireAdmin(admin);
      return repository.listUsers();
    },

    /** Creates an account of any role but admin, with its region and the enterprise it accepts for. */
    createUser: async (admin: User, input: AccountInput): Promise<User> => {
      requireAdmin(admin);
      const { region, enterpriseId, ...registration } = input;
      await requireEnterprise(enterpriseId);
      const user = await accounts.register({ ...registration, role: 'trainee' }, null, registration.role);
      return (await repository.assignUser(user.id, { ...(region ? { region } : {}), ...(enterpriseId ? { enterpriseId } : {}) })) ?? user;
    },

    /** Sets or clears an account's region and enterprise. */
    assignUser: async (admin: User, userId: string, input: AssignmentInput): Promise<User> => {
      requireAdmin(admin);
      await requireEnterprise(input.enterpriseId);
      const user = await repository.assignUser(userId, { ...(input.region !== undefined ? { region: input.region } : {}), ...(input.enterpriseId !== undefined ? { enterpriseId: input.enterpriseId } : {}) });
      if (!user) throw notFound('用户');
      return user;
    },

    /** How many questions administrators have imported. */
    importedCount: async (admin: User): Promise<number> => {
      requireAdmin(admin);
      return (await repository.importedQuestions()).length;
    },

    /** Changes a blueprint's unverified defaults; the pass mark may not exceed the total the change gives. */
    updateBlueprint: async (admin: User, blueprintId: string, input: z.output<typeof blueprintOverrideInput>): Promise<Blueprint> => {
      requireAdmin(admin);
      const base = baseBlueprints().find((blueprint) => blueprint.id === blueprintId);
      if (!base) throw new RequestError(404, '未找到试卷蓝图 / unknown blueprint', [{ path: 'id', message: 'unknown blueprint' }]);
      const override = { blueprintId: base.id, ...input, updatedBy: admin.username, updatedAt: now().toISOString() };
      const [changed] = applyOverrides([base], [override]);
      if (changed!.passMark > changed!.totalPoints) throw new RequestError(400, `合格分不能高于总分 ${changed!.totalPoints}`, [{ path: 'body.passMark', message: `expected at most ${changed!.totalPoints}` }]);
      await repository.saveBlueprintOverride(override);
      return changed!;
    },

    /** Imports a bank all or nothing: any bad line, or an id of the curated bank, and nothing is stored. */
    importBank: async (admin: User, format: BankFormat, topic: string, text: string): Promise<{ imported: number }> => {
      requireAdmin(admin);
      if (!text.trim()) throw new RequestError(400, '请上传 CSV 或 GIFT 文本 / expected the bank text', [{ path: 'body', message: 'expected text/csv or text/plain content' }]);
      const result = format === 'csv' ? fromCsv(text, topic) : fromGift(text, topic);
      if (result.issues.length > 0) throw new RequestError(400, `题库有 ${result.issues.length} 处错误，未导入任何题目`, result.issues.map((issue) => ({ path: `${issue.line}.${issue.path}`, message: issue.message })));
      const taken = new Set(curatedBank().map((question) => question.id));
      const clash = result.questions.find(({ question }) => taken.has(question.id));
      if (clash) throw new RequestError(409, `题目编号 ${clash.question.id} 与内置题库重复，未导入任何题目`, [{ path: 'id', message: 'clashes with the curated bank' }]);
      const at = now().toISOString();
      await repository.saveImportedQuestions(result.questions.map(({ topic: questionTopic, question }) => ({ ...question, topic: questionTopic, importedBy: admin.username, importedAt: at })));
      return { imported: result.questions.length };
    },

    exportBank: async (admin: User, format: BankFormat): Promise<string> => {
      requireAdmin(admin);
      const curated: TopicQuestion[] = curatedBank().map((question) => ({
        topic: question.chapter.id.replace(/^bank\//, ''),
        question: { id: question.id, type: question.type, stem: question.stem, options: question.type === 'judgement' ? [] : question.options, answer: question.answer, explanation: question.explanation, citation: question.citation.text },
      }));
      const imported: TopicQuestion[] = (await repository.importedQuestions()).map(({ topic, importedBy: _by, importedAt: _at, ...question }) => ({ topic, question }));
      const all = [...curated, ...imported];
      return format === 'csv' ? toCsv(all) : toGift(all);
    },
  };
};
