// The demo county's credentials, in one place for the server's demo loader, the test clients and the browser journeys.

/** Every demo account's password. */
export const DEMO_PASSWORD = 'Demo@2021';

/**
 * The demo administrators' second factor (base32, printed in the README): add it to any authenticator app, or run
 * `npm run demo:code` for the current code. Only demo accounts get it; a real administrator enrols a secret of their own.
 */
export const DEMO_TOTP_SECRET = 'GONGYEQIANGXIANDEMOSECRETTOTP234';
