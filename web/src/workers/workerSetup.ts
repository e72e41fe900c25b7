// Shared start of every worker.
import '../zodSetup.ts';

// The browser keeps a worker's CSP reports to itself; say them aloud so a blocked feature is noticed (and tested).
self.addEventListener('securitypolicyviolation', (e) => {
  const v = e as SecurityPolicyViolationEvent;
  console.error(`Content Security Policy violation in a worker: ${v.violatedDirective} ${v.blockedURI}`);
});
