// Prints the demo administrators' current sign-in code (sysadmin, secadmin, auditor), for trying the demo without an
// authenticator app: `npm run demo:code`. The secret is public (README); real administrators enrol their own.
import { DEMO_TOTP_SECRET } from '../src/shared/demo-accounts';
import { totpOf } from '../src/server/core/auth/mfa';

const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totpOf(DEMO_TOTP_SECRET).generate()}  (valid for ${seconds} s more, and the 30 s after)`);
