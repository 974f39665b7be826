/**
 * Messages the server sends to users (errors and field problems), in both languages.
 * Keys starting with `err.` may be used as zod custom messages; the server translates them per request.
 */
export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];

const zh = {
  'err.VALIDATION': '提交的内容有误，请检查标注的字段',
  'err.UNAUTHENTICATED': '请先登录',
  'err.SESSION_EXPIRED': '登录已过期，请重新登录',
  'err.FORBIDDEN': '没有权限执行此操作',
  'err.NOT_FOUND': '记录不存在或无权查看',
  'err.CONFLICT': '数据冲突，请刷新后重试',
  'err.INVALID_CREDENTIALS': '用户名或密码错误',
  'err.ACCOUNT_LOCKED': '连续登录失败次数过多，账号已锁定，请于 {until} 后再试',
  'err.ACCOUNT_DISABLED': '账号已停用，请联系系统管理员',
  'err.PASSWORD_CHANGE_REQUIRED': '请先修改密码',
  'err.CSRF': '请求校验失败，请刷新页面后重试',
  'err.PAYLOAD_TOO_LARGE': '提交的内容过大',
  'err.RATE_LIMITED': '请求过于频繁，请稍后再试',
  'err.INTERNAL': '服务器内部错误，请稍后重试',
  'err.UNKNOWN_FIELD': '不允许的字段',
  'err.required': '必填',
  'err.username': '用户名只能包含字母、数字、下划线、点和短横线，3–40 位',
  'err.password.too_short': '密码长度不足 {minLength} 位',
  'err.password.too_long': '密码不能超过 128 位',
  'err.password.too_few_classes': '密码须包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
  'err.password.contains_username': '密码不能包含用户名',
  'err.password.wrong_current': '当前密码不正确',
  'err.password.same_as_old': '新密码不能与当前密码相同',
  'err.username_taken': '用户名已存在',
  'err.unit_code_taken': '单位编码已存在',
  'err.role_code_taken': '角色编码已存在',
  'err.unit_not_found': '单位不存在',
  'err.role_not_found': '角色不存在',
  'err.parent_cycle': '上级单位不能是自己或自己的下级',
  'err.admin_families_mixed': '系统管理、安全管理、审计管理的权限不能合并到同一角色或同一用户（三员分立）',
  'err.own_roles': '不能修改自己的角色',
  'err.role_builtin': '内置角色不能删除',
  'err.role_in_use': '角色仍有用户使用，不能删除',
  'err.unit_in_use': '单位下仍有用户或下级单位，不能停用',
  'err.custom_units_required': '自定义数据范围须选择单位',
  'err.self_disable': '不能停用自己的账号',
  'err.admin_role_grant': '只能分配业务角色或与本人同类的管理角色，其他管理员账号须由安装命令创建',
  'err.role_held': '不能修改自己持有的角色',
  'err.attachment_owner_type': '未知的附件所属类型',
  'err.attachment_file_required': '请选择要上传的文件',
  'err.attachment_too_large': '文件超过大小上限 {max}',
  'err.attachment_type': '文件内容不是允许的类型（PDF、图片、Word/Excel/PowerPoint 文档），与文件名无关',
  'err.attachment_zip': '不允许上传压缩包，请上传原始文件',
  'err.attachment_empty': '文件为空',
  'err.calendar_range': '日期须在 2000 年至 2100 年之间',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'err.VALIDATION': 'Some fields are not valid; please check the marked fields',
  'err.UNAUTHENTICATED': 'Please sign in',
  'err.SESSION_EXPIRED': 'Your session has expired; please sign in again',
  'err.FORBIDDEN': 'You are not allowed to do this',
  'err.NOT_FOUND': 'Not found, or not visible to you',
  'err.CONFLICT': 'The data changed meanwhile; please reload and try again',
  'err.INVALID_CREDENTIALS': 'Wrong user name or password',
  'err.ACCOUNT_LOCKED': 'Too many failed sign-ins; the account is locked until {until}',
  'err.ACCOUNT_DISABLED': 'This account is disabled; please contact the system administrator',
  'err.PASSWORD_CHANGE_REQUIRED': 'Please change your password first',
  'err.CSRF': 'The request could not be verified; please reload the page',
  'err.PAYLOAD_TOO_LARGE': 'The request is too large',
  'err.RATE_LIMITED': 'Too many requests; please try again later',
  'err.INTERNAL': 'Something went wrong on the server; please try again later',
  'err.UNKNOWN_FIELD': 'Field not allowed',
  'err.required': 'Required',
  'err.username': 'User names use letters, digits, underscore, dot and dash, 3–40 characters',
  'err.password.too_short': 'The password must have at least {minLength} characters',
  'err.password.too_long': 'The password must have at most 128 characters',
  'err.password.too_few_classes': 'The password must mix at least {minClasses} of: upper case, lower case, digits, symbols',
  'err.password.contains_username': 'The password must not contain the user name',
  'err.password.wrong_current': 'The current password is wrong',
  'err.password.same_as_old': 'The new password must differ from the current one',
  'err.username_taken': 'This user name is taken',
  'err.unit_code_taken': 'This unit code is taken',
  'err.role_code_taken': 'This role code is taken',
  'err.unit_not_found': 'No such unit',
  'err.role_not_found': 'No such role',
  'err.parent_cycle': 'A unit cannot be placed under itself or one of its own sub-units',
  'err.admin_families_mixed': 'System, security and audit administration cannot be combined in one role or one user (separation of the three administrators)',
  'err.own_roles': 'You cannot change your own roles',
  'err.role_builtin': 'Built-in roles cannot be deleted',
  'err.role_in_use': 'The role is still held by users and cannot be deleted',
  'err.unit_in_use': 'The unit still has users or sub-units and cannot be disabled',
  'err.custom_units_required': 'A custom data scope needs at least one unit',
  'err.self_disable': 'You cannot disable your own account',
  'err.admin_role_grant':
    'You may assign business roles and roles of your own administrator kind only; other administrators are created by the installation command',
  'err.role_held': 'You cannot change a role you hold yourself',
  'err.attachment_owner_type': 'Unknown attachment owner type',
  'err.attachment_file_required': 'Please choose a file to upload',
  'err.attachment_too_large': 'The file is larger than the limit of {max}',
  'err.attachment_type': 'The file content is not an allowed type (PDF, image, Word/Excel/PowerPoint document), whatever its name',
  'err.attachment_zip': 'Archives are not allowed; please upload the original files',
  'err.attachment_empty': 'The file is empty',
  'err.calendar_range': 'The date must be between the years 2000 and 2100',
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

/** Whether a string is one of our message keys. */
export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

/** The message for a key in a locale, with `{name}` placeholders filled. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks our locale from an Accept-Language header; Chinese unless English is preferred. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
