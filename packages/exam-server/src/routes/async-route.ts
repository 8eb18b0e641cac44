// Express 5 passes a rejected promise to the error handler itself; this keeps the handlers' types plain.
import type { NextFunction, Request, Response } from 'express';

export const asyncRoute =
  (handler: (request: Request, response: Response) => Promise<unknown>) =>
  (request: Request, response: Response, next: NextFunction) =>
    handler(request, response).catch(next);
