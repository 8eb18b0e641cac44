// Enterprise self-assessment pages and API (filled in by the self-assessment work).
import { Router } from 'express';
import type { AppContext } from '../app.js';

export const assessmentsRouter = (_context: AppContext): Router => Router();
