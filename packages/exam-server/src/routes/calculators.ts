// /api/v1/calculators: every calculator of @anquan/rules with its inputs, and running one on a JSON body.
import { calculators, describeCalculator, listCalculators } from '@anquan/rules';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { notFound } from '../errors.js';
import { validateBody } from '../validate.js';

const runInput = z.strictObject({
  input: z.record(z.string(), z.unknown(), { error: 'expected an object of inputs' }),
  asOf: z.string({ error: 'expected a date YYYY-MM-DD' }).optional(),
});

const nameOf = (request: Request): string => {
  const name = String(request.params.name ?? '');
  if (!Object.hasOwn(calculators, name)) throw notFound(`计算器 ${name.slice(0, 60)}`);
  return name;
};

export const calculatorsRouter = (context: Pick<AppContext, 'asOf'>): Router => {
  const router = Router();
  router.get('/', (_request, response) => {
    response.json({ calculators: listCalculators().map(({ inputSchema: _schema, ...entry }) => entry) });
  });
  router.get('/:name', (request, response) => {
    response.json(describeCalculator(nameOf(request)));
  });
  // Calculators are pure functions of their input: no account needed, nothing stored.
  router.post('/:name', (request, response) => {
    const name = nameOf(request);
    const body = validateBody(runInput, request.body);
    response.json(calculators[name]!.run(body.input, { asOf: body.asOf ?? context.asOf() }));
  });
  return router;
};
