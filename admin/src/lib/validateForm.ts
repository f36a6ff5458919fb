import type { FormInstance } from 'antd';

/**
 * antd's `form.validateFields()` rejects with `{ errorFields, values }` when a rule fails. The form
 * already shows each problem under its field, so that rejection is not an error to report — but
 * left unawaited-in-try it surfaces as an uncaught promise rejection. `validateForm` resolves to the
 * values, or to `undefined` when the form is invalid; any other failure is rethrown.
 */
export async function validateForm<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch (err) {
    if (isValidationError(err)) return undefined;
    throw err;
  }
}

/** The shape antd rejects `validateFields()` with (ValidateErrorEntity). */
export function isValidationError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && Array.isArray((err as { errorFields?: unknown }).errorFields)
  );
}
