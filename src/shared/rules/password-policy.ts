/** Password policy: configurable because 等保 assessors (complexity, rotation) and OWASP (length, no rotation) disagree. */
export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must contain. */
  minClasses: number;
  /** Days after which a password must be changed; 0 turns rotation off. */
  maxAgeDays: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 90 };

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username' | 'too_long' | 'too_common';

const CLASS_TESTS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

// The most used passwords of the public breach lists (the top few hundred) and their Chinese favourites, plus words
// of this platform and county. Lower case; `tooCommon` also catches them capitalised, with digits or symbols around
// them and in 1337 spelling, which is how they pass the class rule ("P@ssw0rd123!").
const COMMON = new Set(
  `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 pussy superman
1qaz2wsx 7777777 fuckyou 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter
buster soccer harley batman andrew tigger sunshine iloveyou fuckme 2000 charlie robert thomas hockey ranger
daniel starwars klaster 112233 george asshole computer michelle jessica pepper 1111 zxcvbn 555555 11111111
131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley 6969
nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix william corvette
hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test
bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson
whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari
samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar
monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana
junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby
0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player
nikita knight fender barney midnight please brandy chicago badboy slayer rangers charles angel flower rabbit
wizard bigdick jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince
panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal
87654321 12344321 golden 8675309 panther lauren angela thx1138 angels madison winston shannon mike toyota
blowjob jordan23 canada sophie apples tiger qwe123 admin administrator admin123 root toor guest user login
changeme default p@ssw0rd passw0rd password1 password123 qwerty123 qwerty1 abc12345 abcd1234 a123456 a12345678
aa123456 aa12345678 qq123456 woaini woaini1314 5201314 1314520 520520 caonima wangyiqing iloveyou1 zhang123
li123456 wang123 liu123 huang123 chen123 zhangwei wangwei 1qaz2wsx3edc 1q2w3e 1q2w3e4r5t zaq12wsx qazwsxedc
asdf1234 zxcv1234 asd123 qwe123qwe abc123456 test123 test1234 welcome1 welcome123 hello123 sunshine1 monkey123
dragon123 letmein1 iloveu baofeng gongye china beijing shanghai zhongguo system sysadmin secadmin auditor
office manager server database oracle mysql postgres qwertyu asdfghjkl zxcvbnm123 1qazxsw2 2wsx3edc 7758521
7758258 147258369 159357 147258 123abc abc123abc a1b2c3d4 a1b2c3 passport spring autumn summer2024 winter2024
company business secret123 hello1
`
    .split(/\s+/)
    .filter(Boolean),
);

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't' };
const deleet = (text: string) => text.replace(/[@431!0$57]/g, (c) => LEET[c]);

/** Whether a password is one of the common ones, or one of them dressed up with case, digits, symbols or 1337. */
export function tooCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const letters = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const alphanumeric = lower.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  const candidates = [
    lower,
    letters,
    alphanumeric,
    lower.replace(/[^a-z0-9]/g, ''),
    deleet(lower),
    deleet(alphanumeric),
    deleet(alphanumeric).replace(/^[^a-z]+|[^a-z]+$/g, ''),
  ];
  return candidates.some((c) => c.length > 0 && COMMON.has(c));
}

/** The ways a candidate password breaks the policy; empty when it is acceptable. */
export function passwordProblems(policy: PasswordPolicy, password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < policy.minLength) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (CLASS_TESTS.filter((t) => t.test(password)).length < policy.minClasses) problems.push('too_few_classes');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  if (tooCommon(password)) problems.push('too_common');
  return problems;
}

/** Whether a password set at `changedAt` has expired at `now` under the policy. */
export function passwordExpired(policy: PasswordPolicy, changedAt: Date, now: Date): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
