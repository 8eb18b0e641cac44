// User lookups the ledger's routes need (an acceptor's enterprise by id), through one function rather than
// the repository in each route, so the routes hold no storage calls of their own.
import type { AppContext } from '../app.js';
import type { User } from '../store/repository.js';

/** A user by id, or undefined. */
export const findUser = async (context: Pick<AppContext, 'repository'>, id: string): Promise<User | undefined> => context.repository.findUser(id);
