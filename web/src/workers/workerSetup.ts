// Shared start of every worker.
import { z } from 'zod';

// zod would probe `Function('')` for its fast path, which the page's CSP (no 'unsafe-eval') refuses.
z.config({ jitless: true });

// The browser keeps a worker's CSP reports to itself; say them aloud so a blocked feature is noticed (and tested).
self.addEventListener('securitypolicyviolation', (e) => {
  const v = e as SecurityPolicyViolationEvent;
  console.error(`Content Security Policy violation in a worker: ${v.violatedDirective} ${v.blockedURI}`);
});
