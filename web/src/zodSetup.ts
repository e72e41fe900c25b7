// zod would probe `Function('')` for its fast path, which the page's CSP (no 'unsafe-eval') refuses.
// Imported first by the page and by every worker, before any schema is used.
import { z } from 'zod';

z.config({ jitless: true });
