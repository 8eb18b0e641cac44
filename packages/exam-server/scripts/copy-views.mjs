// Views and static files are not TypeScript: copy them beside the compiled server.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
cpSync(join(root, 'src', 'views'), join(root, 'dist', 'views'), { recursive: true });
cpSync(join(root, 'src', 'public'), join(root, 'dist', 'public'), { recursive: true });
// The ledger's legal parameters are data read at start.
cpSync(join(root, 'src', 'ledger', 'order16.json'), join(root, 'dist', 'ledger', 'order16.json'));
cpSync(join(root, 'src', 'risk', 'risk-methods.json'), join(root, 'dist', 'risk', 'risk-methods.json'));
