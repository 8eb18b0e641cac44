// Risk grading (LEC, shown as the convention it is) and the printable 岗位风险告知卡, for an enterprise.
import { Router } from 'express';
import { z } from 'zod';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { RequestError } from '../errors.js';
import { gradeLec, lecInput, riskMethods } from '../risk/levels.js';
import { validateBody } from '../validate.js';
import { asyncRoute } from './async-route.js';

const text = (max: number) => z.string().trim().max(max, `expected at most ${max} characters`).default('');
export const cardInput = lecInput.extend({
  post: z.string({ error: 'expected the post' }).trim().min(1, 'expected the post (岗位不能为空)').max(60, 'expected at most 60 characters'),
  source: text(200),
  ...Object.fromEntries(riskMethods.card.fields.map((field) => [field.key, text(1000)])),
});

export const riskRouter = (context: AppContext): Router => {
  const router = Router();
  const member = (request: Parameters<typeof requireUser>[0]) => requireUser(request, ['enterprise', 'acceptor', 'admin']);
  router.get('/risk', asyncRoute(async (request, response) => (member(request), void context.views.page(request, response, 'risk', { title: '风险分级（LEC）与岗位风险告知卡', methods: riskMethods }))));
  router.get(
    '/risk/card',
    asyncRoute(async (request, response) => {
      member(request);
      try {
        const input = validateBody(cardInput, request.query, 'query') as Record<string, string> & z.infer<typeof lecInput>;
        const grade = gradeLec(input);
        context.views.page(request, response, 'risk-card', { title: `岗位风险告知卡：${input.post}`, input, grade, fields: riskMethods.card.fields.map((field) => ({ ...field, value: input[field.key] ?? '' })), methods: riskMethods, colourClass: `risk-${grade.level}` });
      } catch (error) {
        if (!(error instanceof RequestError) || error.status !== 400) throw error;
        context.views.page(request, response, 'risk', { title: '风险分级（LEC）与岗位风险告知卡', methods: riskMethods, error: error.message, issues: error.issues }, 400);
      }
    }),
  );
  router.get('/api/v1/risk/lec', asyncRoute(async (request, response) => (member(request), void response.json(gradeLec(validateBody(lecInput, request.query, 'query'))))));
  return router;
};
