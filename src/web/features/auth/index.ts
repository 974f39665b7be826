import type { PageModule } from '../../app/feature';

/** The sign-in page, outside the app's layout. */
export const loginPage: PageModule = () => import('./pages/LoginPage').then((m) => ({ Component: m.LoginPage }));

/** The forced password change, signed in but before the app's layout. */
export const changePasswordPage: PageModule = () => import('./pages/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage }));

/** The sign-in's second step (a code, or enrolling an authenticator app), signed in but before the app's layout. */
export const mfaPage: PageModule = () => import('./pages/MfaPage').then((m) => ({ Component: m.MfaPage }));

/** The user's own sign-in security: the second factor and its recovery codes. */
export const accountSecurityPage: PageModule = () => import('./pages/AccountSecurityPage').then((m) => ({ Component: m.AccountSecurityPage }));
