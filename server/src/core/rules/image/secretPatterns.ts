// Heuristics for CT1008 secret-in-build-arg-or-env (pure core layer): which variable names mean
// "this holds a credential", which values are obviously not one, and which values have the shape
// of a well-known credential whatever the variable is called.

/** Words that make a name a credential on their own (as whole words of the name). */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'APIKEY',
  'SECRETKEY',
  'ACCESSKEY',
  'PRIVATEKEY',
  'AUTHTOKEN',
  'ACCESSTOKEN',
  'CLIENTSECRET',
]);

/** Words that make a following KEY a credential: API_KEY, PRIVATE_KEY, … (GPG_KEY, PUBLIC_KEY are not). */
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'SECRET',
  'PRIVATE',
  'CLIENT',
  'SIGNING',
  'ENCRYPTION',
  'MASTER',
  'APP',
  'ACCOUNT',
  'STORAGE',
  'SHARED',
  'SESSION',
  'LICENSE',
  'HMAC',
  'JWT',
  'AUTH',
]);

/**
 * Last words that describe something about a credential rather than hold it: TOKEN_URL,
 * PASSWORD_FILE, SECRET_NAME, PASSWORD_MIN_LENGTH, TOKEN_TTL, …
 */
const DESCRIPTORS = new Set([
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'HOSTNAME',
  'PORT',
  'PATH',
  'FILE',
  'FILENAME',
  'DIR',
  'DIRECTORY',
  'FOLDER',
  'LOCATION',
  'NAME',
  'TYPE',
  'MODE',
  'METHOD',
  'LENGTH',
  'LEN',
  'SIZE',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LIFETIME',
  'TIMEOUT',
  'DAYS',
  'HOURS',
  'MINUTES',
  'SECONDS',
  'AGE',
  'HEADER',
  'FIELD',
  'PARAM',
  'PROVIDER',
  'BACKEND',
  'STORE',
  'MANAGER',
  'ENGINE',
  'ENABLED',
  'DISABLED',
  'ENABLE',
  'DISABLE',
  'REQUIRED',
  'FORMAT',
  'ALGORITHM',
  'ALG',
  'VERSION',
  'POLICY',
  'PREFIX',
  'SUFFIX',
  'REGEX',
  'PATTERN',
  'ARN',
  'REF',
  'SERVER',
  'ISSUER',
  'AUDIENCE',
  'SCOPE',
  'SCOPES',
  'COUNT',
  'LIMIT',
  'USER',
  'USERNAME',
  'LOGIN',
  'KIND',
  'SOURCE',
  'MOUNT',
  'ROTATION',
  'COMMAND',
  'CMD',
  'SCRIPT',
  'HELPER',
  'PLUGIN',
  'ROLE',
  'GROUP',
]);

/** Splits a variable name into upper-case words: `dbPassword_FILE` → DB, PASSWORD, FILE. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

function label(word: string): string {
  return ['API', 'JWT', 'HMAC'].includes(word) ? word : word.toLowerCase();
}

/** The credential word a name contains ("password", "API key", …), or undefined. */
export function secretWordOf(name: string): string | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1];
  if (DESCRIPTORS.has(last)) return undefined;
  // AWS_ACCESS_KEY_ID and friends identify a key; they are not the secret half.
  if (last === 'ID' && words[words.length - 2] === 'KEY') return undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'PWD' && words.length > 1) return 'password';
    if (SECRET_WORDS.has(w)) {
      if (w.startsWith('PASS')) return w === 'PASSPHRASE' ? 'passphrase' : 'password';
      if (w.endsWith('KEY')) return `${label(w.slice(0, -3))} key`;
      if (w.includes('TOKEN')) return 'token';
      if (w.startsWith('CRED')) return 'credential';
      return 'secret';
    }
    if (w === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) return `${label(words[i - 1])} key`;
  }
  return undefined;
}

/** Values that cannot be a credential: switches, paths, URLs without user info, placeholders. */
export function harmlessValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^(true|false|yes|no|on|off|y|n|0|1|enabled?|disabled?|none|null|nil|required|optional|trust)$/i.test(v)) return true;
  if (/^(\/|\.{1,2}\/|~\/|[A-Za-z]:\\)\S*$/.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true;
  if (/^<[^>]*>$/.test(v) || /^\*+$/.test(v) || /^x{3,}$/i.test(v) || /^\.{3}$/.test(v)) return true;
  return false;
}

export interface KnownFormat {
  what: string;
  /** `what` in Simplified Chinese. */
  whatZh: string;
  re: RegExp;
  /** Keys of this kind are meant to be public when shipped to browsers (Firebase, Maps). */
  browserKey?: boolean;
}

/**
 * Prefixes that front-end build tools inline into the JavaScript sent to every browser: whatever
 * such a variable holds is public by design, so its name says nothing about a secret.
 */
export const BROWSER_PREFIX = /^(VITE|NEXT_PUBLIC|REACT_APP|EXPO_PUBLIC|NUXT_PUBLIC|GATSBY|PUBLIC)_/i;

/** Credential formats recognisable by their shape, whatever the variable is called. */
export const KNOWN_FORMATS: KnownFormat[] = [
  {
    what: 'a private key (-----BEGIN … PRIVATE KEY-----)',
    whatZh: '一个私钥（-----BEGIN … PRIVATE KEY-----）',
    re: /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/,
  },
  { what: 'an AWS access key ID (AKIA…)', whatZh: '一个 AWS 访问密钥 ID（AKIA…）', re: /\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token (ghp_…)', whatZh: '一个 GitHub 令牌（ghp_…）', re: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/ },
  {
    what: 'a GitHub fine-grained token (github_pat_…)',
    whatZh: '一个 GitHub 细粒度令牌（github_pat_…）',
    re: /\bgithub_pat_[A-Za-z0-9_]{50,}/,
  },
  { what: 'a GitLab token (glpat-…)', whatZh: '一个 GitLab 令牌（glpat-…）', re: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { what: 'a Slack token (xox…)', whatZh: '一个 Slack 令牌（xox…）', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  {
    what: 'a Slack webhook URL',
    whatZh: '一个 Slack webhook URL',
    re: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/,
  },
  { what: 'a Stripe live key (sk_live_…)', whatZh: '一个 Stripe 生产环境密钥（sk_live_…）', re: /\b[rs]k_live_[0-9A-Za-z]{20,}/ },
  { what: 'a Google API key (AIza…)', whatZh: '一个 Google API 密钥（AIza…）', re: /\bAIza[0-9A-Za-z_-]{35}\b/, browserKey: true },
  { what: 'an npm access token (npm_…)', whatZh: '一个 npm 访问令牌（npm_…）', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { what: 'an OpenAI-style API key (sk-…)', whatZh: '一个 OpenAI 风格的 API 密钥（sk-…）', re: /\bsk-(proj-|ant-)?[A-Za-z0-9_-]{32,}/ },
  {
    what: 'a JSON Web Token (eyJ….eyJ….…)',
    whatZh: '一个 JSON Web Token（eyJ….eyJ….…）',
    re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  },
];

/** The documented example values (AWS's …EXAMPLE keys) are not real credentials. */
function isDocExample(value: string): boolean {
  return /EXAMPLE\b/.test(value);
}

/** A connection string with a literal password in it: `postgres://app:hunter2@db/app`. */
export function urlPassword(value: string): boolean {
  const m = /\b[a-z][a-z0-9+.-]*:\/\/([^/\s:@]+):([^@\s/]+)@/i.exec(value);
  if (!m) return false;
  const pw = m[2];
  return !/^\$|^\{|^<.*>$|^\*+$|^x{3,}$/i.test(pw);
}

const URL_PASSWORD = 'a URL with a password in it (scheme://user:password@host)';

/** What known credential format the value has, if any. */
export function knownFormatOf(value: string, browserName = false): string | undefined {
  if (isDocExample(value)) return undefined;
  for (const f of KNOWN_FORMATS) if (f.re.test(value) && !(browserName && f.browserKey)) return f.what;
  if (urlPassword(value)) return URL_PASSWORD;
  return undefined;
}

/** A description knownFormatOf returned, in Simplified Chinese. */
export function knownFormatZh(what: string): string {
  if (what === URL_PASSWORD) return '一个含有密码的 URL（scheme://user:password@host）';
  return KNOWN_FORMATS.find((f) => f.what === what)?.whatZh ?? what;
}

const WORDS_ZH: Record<string, string> = {
  password: '密码',
  passphrase: '密码短语',
  token: '令牌',
  credential: '凭据',
  secret: '机密',
  'API key': 'API 密钥',
  'secret key': '私密密钥',
  'access key': '访问密钥',
  'private key': '私钥',
  'client key': '客户端密钥',
  'signing key': '签名密钥',
  'encryption key': '加密密钥',
  'master key': '主密钥',
  'app key': '应用密钥',
  'account key': '账户密钥',
  'storage key': '存储密钥',
  'shared key': '共享密钥',
  'session key': '会话密钥',
  'license key': '许可证密钥',
  'HMAC key': 'HMAC 密钥',
  'JWT key': 'JWT 密钥',
  'auth key': '认证密钥',
};

/** A credential word secretWordOf returned ("password", "API key", …), in Simplified Chinese. */
export function secretWordZh(word: string): string {
  return WORDS_ZH[word] ?? (word.endsWith(' key') ? `${word.slice(0, -4)} 密钥` : word);
}
