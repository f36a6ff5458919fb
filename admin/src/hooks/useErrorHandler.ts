import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isAbortError, toApiError } from '../api';
import { isValidationError } from '../lib/validateForm';

/** Turns a dotted server path (`rules.feePerPieceTiers.0.yuan`) into an antd name path. */
function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Returns a function that shows an API error as a toast and, when a form is given, puts each field
 * problem under the matching Form.Item. The form keeps whatever the user typed.
 */
export function useErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (isAbortError(err)) return;
      // antd already shows a failed validateFields() under each field; no toast on top
      if (isValidationError(err)) return;
      const error = toApiError(err);
      if (error.isSessionLost) {
        void message.warning('登录已失效，请重新登录');
        return;
      }
      void message.error(error.message);
      if (form && error.fields.length > 0) {
        form.setFields(error.fields.map((f) => ({ name: toNamePath(f.field), errors: [f.message] })));
      }
    },
    [message],
  );
}
