import type { PageModule } from '../../app/feature';

/** The sign-in page, outside the app's layout. */
export const loginPage: PageModule = () => import('./pages/LoginPage').then((m) => ({ Component: m.LoginPage }));

/** The forced password change, signed in but before the app's layout. */
export const changePasswordPage: PageModule = () => import('./pages/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage }));
