import type { FormRule } from 'antd';

/** Mirrors the server's AUTH_PASSWORD_TOO_WEAK policy so most mistakes are caught before sending. */
export const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: '请输入密码' },
  { min: 10, message: '密码至少 10 位' },
  { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
];

export const PASSWORD_HELP = '至少 10 位，且同时包含字母和数字';
